-- The young person, stored once for the whole network. identity_key is an HMAC of the normalised name and birth
-- date: equal for the same person however an agency typed the name, and useless without the network's secret.
CREATE TABLE persons (
    id                UUID         PRIMARY KEY,
    identity_key      VARCHAR(64)  NOT NULL UNIQUE,
    family_name       VARCHAR(100) NOT NULL,
    given_name        VARCHAR(100) NOT NULL,
    family_name_kana  VARCHAR(100) NULL,
    given_name_kana   VARCHAR(100) NULL,
    birth_date        DATE         NOT NULL,
    municipality      VARCHAR(100) NOT NULL,
    email             VARCHAR(254) NULL,
    phone             VARCHAR(40)  NULL,
    created_at        TIMESTAMPTZ  NOT NULL
);

CREATE TABLE cases (
    id             UUID        PRIMARY KEY,
    person_id      UUID        NOT NULL REFERENCES persons (id),
    status         VARCHAR(20) NOT NULL,
    lead_agency_id UUID        NULL,
    opened_at      TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Invariant 1: one open case per person across the network. The index decides under concurrency, not a prior check.
CREATE UNIQUE INDEX ux_cases_one_open_per_person ON cases (person_id) WHERE status <> 'closed';

CREATE TABLE case_participants (
    case_id   UUID        NOT NULL REFERENCES cases (id),
    agency_id UUID        NOT NULL,
    joined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, agency_id)
);

CREATE TABLE referrals (
    id             UUID         PRIMARY KEY,
    case_id        UUID         NOT NULL REFERENCES cases (id),
    person_id      UUID         NOT NULL REFERENCES persons (id),
    from_agency_id UUID         NOT NULL,
    submitted_by   VARCHAR(200) NOT NULL,
    source         VARCHAR(20)  NOT NULL,
    needs          TEXT         NOT NULL,
    urgency        VARCHAR(20)  NOT NULL,
    preferences    TEXT         NOT NULL,
    summary        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_referrals_case ON referrals (case_id);
