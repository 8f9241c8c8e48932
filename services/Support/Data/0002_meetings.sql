-- The team's meetings (API-v3 §5): when and where, who attends (agencies of the team), whether the young person is
-- invited, the agenda, and once held its minutes: decisions, and actions that are tasks of their agencies.
CREATE TABLE meetings (
    id            UUID          PRIMARY KEY,
    case_id       UUID          NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    at            TIMESTAMPTZ   NOT NULL,
    place         VARCHAR(300)  NULL,
    online_url    VARCHAR(500)  NULL,
    attendees     UUID[]        NOT NULL,
    youth_invited BOOLEAN       NOT NULL,
    agenda        VARCHAR(4000) NOT NULL,
    handoff_id    UUID          NULL,
    scheduled_by  UUID          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    decisions     TEXT[]        NULL,
    minutes_by    UUID          NULL,
    minutes_at    TIMESTAMPTZ   NULL
);
CREATE INDEX ix_meetings_case ON meetings (case_id, id);

CREATE TABLE meeting_actions (
    id         UUID          PRIMARY KEY,
    meeting_id UUID          NOT NULL REFERENCES meetings (id),
    case_id    UUID          NOT NULL,
    agency_id  UUID          NOT NULL,
    what       VARCHAR(1000) NOT NULL,
    due        DATE          NOT NULL,
    done_at    TIMESTAMPTZ   NULL,
    position   INT           NOT NULL
);
CREATE INDEX ix_meeting_actions_meeting ON meeting_actions (meeting_id, position);
CREATE INDEX ix_meeting_actions_open ON meeting_actions (agency_id, due) WHERE done_at IS NULL;
