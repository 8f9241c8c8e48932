-- A young person's passkey (WebAuthn), the other credential they may choose instead of a sign-in name and passphrase:
-- the key stays on their phone; here only its id, its public key and its signature counter. Whichever kind a person
-- chose last is their one credential: choosing one removes the other.
CREATE TABLE youth_passkeys (
    credential_id BYTEA       PRIMARY KEY,
    person_id     UUID        NOT NULL,
    public_key    BYTEA       NOT NULL,
    sign_count    BIGINT      NOT NULL,
    set_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_youth_passkeys_person ON youth_passkeys (person_id);

-- The options of a passkey ceremony (its challenge) between asking and answering: answered once, or expired.
-- person_id is the enrolling person; NULL for a sign-in, where the passkey says whose it is.
CREATE TABLE passkey_ceremonies (
    ceremony_id UUID        PRIMARY KEY,
    person_id   UUID        NULL,
    options     TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_passkey_ceremonies_expiry ON passkey_ceremonies (expires_at);
