-- A credential chosen with a staff-issued reset code waits (Consent:ResetDelay) before it replaces the young person's
-- current one (API-v3 §2): meanwhile both exist, the waiting one marked pending, and the young person's current one
-- may cancel it. A person has at most one credential in effect and one waiting.
ALTER TABLE youth_credentials ADD COLUMN pending BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE youth_passkeys ADD COLUMN pending BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE youth_credentials DROP CONSTRAINT youth_credentials_pkey;
CREATE UNIQUE INDEX ux_youth_credentials_person ON youth_credentials (person_id, pending);
-- A waiting credential may keep the person's own sign-in name; no two people share one (checked under a lock).
ALTER TABLE youth_credentials DROP CONSTRAINT youth_credentials_sign_in_name_key;
CREATE UNIQUE INDEX ux_youth_credentials_name ON youth_credentials (sign_in_name, pending);

-- The reset waiting for a person: which agency's code asked for it, the kind of credential it chose ('passphrase' or
-- 'passkey', as the access log names it), and when it takes effect.
CREATE TABLE credential_resets (
    person_id              UUID        PRIMARY KEY,
    means                  VARCHAR(20) NOT NULL,
    requested_by_agency_id UUID        NULL,
    requested_at           TIMESTAMPTZ NOT NULL,
    takes_effect_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_credential_resets_due ON credential_resets (takes_effect_at);

-- Which agency issued a code (from its event), so that a reset names who asked for it.
ALTER TABLE access_codes ADD COLUMN issued_by_agency_id UUID NULL;
