-- Handoff's own copy of who each service of the directory takes (from matching's ServiceListed), so an offer to any
-- service is checked here without a call to matching. listed_at keeps a late, older message from overwriting a newer one.
CREATE TABLE directory_services (
    service_id     UUID        PRIMARY KEY,
    agency_id      UUID        NOT NULL,
    status         VARCHAR(20) NOT NULL,
    needs          TEXT        NOT NULL,
    modalities     TEXT        NOT NULL,
    municipalities TEXT        NOT NULL,
    age_min        INT         NULL,
    age_max        INT         NULL,
    listed_at      TIMESTAMPTZ NOT NULL
);

-- What the eligibility rule reads of a referral (codes and numbers, as ReferralSubmitted carries them). Referrals
-- recorded before this column existed have no needs here: they are offered to their proposed candidates only.
ALTER TABLE referrals ADD COLUMN needs TEXT NULL;
ALTER TABLE referrals ADD COLUMN age_years INT NULL;
ALTER TABLE referrals ADD COLUMN municipality VARCHAR(100) NULL;
