-- The referral as matching ranked it, so a pass can rank it again without the services that passed on the case.
ALTER TABLE referral_matches ADD COLUMN referral TEXT NULL;
ALTER TABLE referral_matches ADD COLUMN round INT NOT NULL DEFAULT 1;
ALTER TABLE referral_matches ADD COLUMN excluded TEXT NOT NULL DEFAULT '[]';
CREATE INDEX ix_referral_matches_case ON referral_matches (case_id);

-- Which service each offer went to (from HandoffOffered), and the services that passed on each case.
CREATE TABLE offers (
    handoff_id  UUID PRIMARY KEY,
    referral_id UUID NOT NULL,
    case_id     UUID NOT NULL,
    service_id  UUID NOT NULL
);
CREATE TABLE case_passes (
    case_id    UUID NOT NULL,
    service_id UUID NOT NULL,
    PRIMARY KEY (case_id, service_id)
);

-- A place of the receiving service held from accept until the handoff is withdrawn or completed.
CREATE TABLE capacity_reservations (
    handoff_id UUID PRIMARY KEY,
    service_id UUID NOT NULL
);
