-- What the handoff service knows of referrals and their cases, fed by ReferralSubmitted and MatchesProposed.
CREATE TABLE referrals (
    referral_id    UUID        PRIMARY KEY,
    case_id        UUID        NOT NULL,
    from_agency_id UUID        NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL
);

-- Agencies taking part in a case: referrers, and receivers once they accept.
CREATE TABLE case_agencies (
    case_id   UUID NOT NULL,
    agency_id UUID NOT NULL,
    PRIMARY KEY (case_id, agency_id)
);

CREATE TABLE candidates (
    referral_id UUID             NOT NULL,
    service_id  UUID             NOT NULL,
    agency_id   UUID             NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (referral_id, service_id)
);

CREATE TABLE handoffs (
    id               UUID         PRIMARY KEY,
    referral_id      UUID         NOT NULL,
    case_id          UUID         NOT NULL,
    from_agency_id   UUID         NOT NULL,
    to_agency_id     UUID         NOT NULL,
    to_service_id    UUID         NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    note             TEXT         NOT NULL,
    respond_by       TIMESTAMPTZ  NOT NULL,
    pass_number      INT          NOT NULL,
    offered_by       VARCHAR(200) NOT NULL,
    offered_at       TIMESTAMPTZ  NOT NULL,
    accepted_at      TIMESTAMPTZ  NULL,
    connected_at     TIMESTAMPTZ  NULL,
    closed_at        TIMESTAMPTZ  NULL,
    decline_reason   VARCHAR(40)  NULL,
    contact_modality VARCHAR(40)  NULL,
    outcome          VARCHAR(40)  NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_handoffs_case ON handoffs (case_id);
CREATE INDEX ix_handoffs_to_agency ON handoffs (to_agency_id, status);
CREATE INDEX ix_handoffs_from_agency ON handoffs (from_agency_id, status);
