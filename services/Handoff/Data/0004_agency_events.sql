-- Each agency's live feed (GET /api/handoffs/events): ids and codes only, kept for a day so a reconnect with
-- Last-Event-ID resumes without loss. Rows are appended under one advisory lock held only for their transaction's
-- commit, so ids grow in commit order and "everything after id N" never skips a row that committed late.
CREATE TABLE agency_events (
    id          BIGSERIAL   PRIMARY KEY,
    agency_id   UUID        NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    handoff_id  UUID        NULL,
    case_id     UUID        NOT NULL,
    code        VARCHAR(40) NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_agency_events_agency ON agency_events (agency_id, id);
CREATE INDEX ix_agency_events_occurred ON agency_events (occurred_at);
