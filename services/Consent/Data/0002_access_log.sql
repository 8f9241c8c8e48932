-- Every read of a person's data in any service, permitted or denied, for the young person to see.
CREATE TABLE access_log (
    message_id UUID         PRIMARY KEY,
    person_id  UUID         NOT NULL,
    case_id    UUID         NOT NULL,
    agency_id  UUID         NOT NULL,
    user_id    VARCHAR(200) NOT NULL,
    category   VARCHAR(40)  NOT NULL,
    purpose    VARCHAR(40)  NOT NULL,
    decision   VARCHAR(10)  NOT NULL,
    at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_access_log_person ON access_log (person_id, at);
