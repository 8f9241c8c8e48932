-- One consent covers the whole network (scope 'network') or named agencies; lists are JSON arrays of codes or ids.
CREATE TABLE consents (
    id          UUID         PRIMARY KEY,
    person_id   UUID         NOT NULL,
    grantor     VARCHAR(20)  NOT NULL,
    method      VARCHAR(20)  NOT NULL,
    purposes    TEXT         NOT NULL,
    categories  TEXT         NOT NULL,
    scope       VARCHAR(20)  NOT NULL,
    agency_ids  TEXT         NOT NULL,
    valid_until TIMESTAMPTZ  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    recorded_by VARCHAR(200) NOT NULL,
    granted_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ  NULL
);
CREATE INDEX ix_consents_person ON consents (person_id);
