-- The young person's own credential: a sign-in name they chose and a slow salted hash of their passphrase (ASP.NET
-- Core Identity's format). One per person; a reset code leads to a new one that replaces it.
CREATE TABLE youth_credentials (
    person_id       UUID        PRIMARY KEY,
    sign_in_name    VARCHAR(40) NOT NULL UNIQUE,
    passphrase_hash TEXT        NOT NULL,
    set_at          TIMESTAMPTZ NOT NULL
);

-- Failed sign-ins per name, whether or not the name exists, so that a lock tells nothing about which names do.
-- An attempt is counted before the passphrase is checked; a success removes the row.
CREATE TABLE sign_in_failures (
    sign_in_name   VARCHAR(40) PRIMARY KEY,
    failures       INT         NOT NULL,
    last_failed_at TIMESTAMPTZ NOT NULL,
    locked_until   TIMESTAMPTZ NULL
);
