-- Statutory councils (API-v3 §5): their member agencies, each recorded as bound by the statute's confidentiality
-- from the day it joined, and their support meetings about a person — by a case, or by the council's own label for
-- someone not yet in ReferralNet. A meeting's record goes Support:CouncilRecordsFor after the meeting.
CREATE TABLE councils (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    legal_basis VARCHAR(40)  NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE council_members (
    council_id  UUID        NOT NULL REFERENCES councils (id),
    agency_id   UUID        NOT NULL,
    bound_since TIMESTAMPTZ NOT NULL,
    left_at     TIMESTAMPTZ NULL,
    PRIMARY KEY (council_id, agency_id)
);

CREATE TABLE council_meetings (
    id           UUID         PRIMARY KEY,
    council_id   UUID         NOT NULL REFERENCES councils (id),
    at           TIMESTAMPTZ  NOT NULL,
    attendees    UUID[]       NOT NULL,
    case_id      UUID         NULL,
    reference    VARCHAR(100) NULL,
    convened_by  VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    decisions    TEXT[]       NULL,
    actions      TEXT         NULL,
    minutes_at   TIMESTAMPTZ  NULL
);
CREATE INDEX ix_council_meetings_at ON council_meetings (at);
CREATE INDEX ix_council_meetings_case ON council_meetings (case_id) WHERE case_id IS NOT NULL;
