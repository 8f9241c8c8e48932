-- Every service that shows personal data keeps its own copy of consents and of who takes part in which case, fed by
-- events, so that an access decision is a local lookup. No names or contact details: ids and codes only.
CREATE TABLE consent_projection (
    consent_id  UUID        PRIMARY KEY,
    person_id   UUID        NOT NULL,
    purposes    TEXT        NOT NULL,
    categories  TEXT        NOT NULL,
    scope       VARCHAR(20) NOT NULL,
    agency_ids  TEXT        NOT NULL,
    valid_until TIMESTAMPTZ NOT NULL,
    status      VARCHAR(20) NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_consent_projection_changed ON consent_projection (changed_at);

CREATE TABLE case_persons (
    case_id    UUID        PRIMARY KEY,
    person_id  UUID        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_case_persons_changed ON case_persons (changed_at);

CREATE TABLE case_participation (
    case_id    UUID        NOT NULL,
    agency_id  UUID        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, agency_id)
);
CREATE INDEX ix_case_participation_changed ON case_participation (changed_at);
