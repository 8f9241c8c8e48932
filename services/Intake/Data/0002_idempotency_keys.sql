-- Idempotency-Key on POST /api/intake/referrals: a retry with the same key by the same user gets the first answer
-- and stores nothing new. The fingerprint (SHA-256 of the request) tells a retry from a different request under a
-- reused key. The answer is kept without the one-time youth access code, which is never stored in clear.
CREATE TABLE idempotency_keys (
    user_id     VARCHAR(200) NOT NULL,
    key         VARCHAR(200) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    response    TEXT         NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, key)
);
