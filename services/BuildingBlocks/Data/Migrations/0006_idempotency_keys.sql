-- Idempotency-Key on every creating POST (API.md): a retry with the same key by the same user gets the first answer
-- and creates nothing new. The fingerprint (SHA-256 of the method, path and body) tells a retry from a different
-- request under a reused key. Intake had this table first (its own migration 0002), hence IF NOT EXISTS.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    user_id     VARCHAR(200) NOT NULL,
    key         VARCHAR(200) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    response    TEXT         NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX IF NOT EXISTS ix_idempotency_keys_created ON idempotency_keys (created_at);
