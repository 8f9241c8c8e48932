-- Sign-in tries are slowed per name and client (the address the gateway saw), and per name across all clients (the
-- row whose client is ''), whether or not the name exists, so that a wait tells nothing about which names do; the
-- young person is never locked out: a client that signed in with the name before is let past the name-wide wait.
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_clients (
    sign_in_name   VARCHAR(40) NOT NULL,
    client         VARCHAR(64) NOT NULL,
    failures       INT         NOT NULL,
    last_failed_at TIMESTAMPTZ NOT NULL,
    wait_until     TIMESTAMPTZ NOT NULL,
    signed_in_at   TIMESTAMPTZ NULL,
    PRIMARY KEY (sign_in_name, client)
);

-- Names an enrolment was told are taken, per code: a code answers "taken" only a few times.
ALTER TABLE access_codes ADD COLUMN taken_names INT NOT NULL DEFAULT 0;
