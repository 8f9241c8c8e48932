-- One-time codes for the young person's consent page, stored only as SHA-256. A code ends when it is used, when a
-- newer code for the same person is issued, or at expires_at.
CREATE TABLE access_codes (
    code_hash  CHAR(64)    PRIMARY KEY,
    person_id  UUID        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    ended_at   TIMESTAMPTZ NULL
);
CREATE INDEX ix_access_codes_person ON access_codes (person_id) WHERE ended_at IS NULL;
