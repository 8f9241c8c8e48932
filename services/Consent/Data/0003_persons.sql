-- How old each referred person was when last referred (no birth date, no name): for the age of self-consent.
CREATE TABLE persons (
    person_id UUID        PRIMARY KEY,
    age_years INT         NOT NULL,
    as_of     TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_consents_expiry ON consents (valid_until) WHERE status = 'active';
