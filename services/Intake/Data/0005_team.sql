-- A referral from an agency outside the person's open case waits here for the lead or the young person to admit that
-- agency (API-v3 §1): nothing of it reaches the case, its timeline or the network's events until then. Admitted, it
-- lands on the case as any referral does (the same id); not admitted, it ends here and opens nothing.
CREATE TABLE pending_referrals (
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
    age_years      INT          NULL,
    municipality   VARCHAR(100) NULL,
    status         VARCHAR(20)  NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL,
    decided_at     TIMESTAMPTZ  NULL
);
CREATE INDEX ix_pending_referrals_case ON pending_referrals (case_id, from_agency_id) WHERE status = 'awaiting-admission';
