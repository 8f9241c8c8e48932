-- Keyed hashes (HMAC with Identity:KeySecret) of a person's e-mail, phone and LINE id: a record without a name is a
-- near match of another only when a channel matches. Records stored before this migration have none (NULL) and are
-- matched by name only.
ALTER TABLE persons ADD COLUMN contact_keys TEXT[] NULL;

-- A merge across agencies waits for a worker of an agency in the other case. One open proposal per pair of cases.
CREATE TABLE merge_proposals (
    id                    UUID         PRIMARY KEY,
    case_id               UUID         NOT NULL REFERENCES cases (id),
    other_case_id         UUID         NOT NULL REFERENCES cases (id),
    reasons               TEXT[]       NOT NULL,
    status                VARCHAR(30)  NOT NULL,
    proposed_by_agency_id UUID         NOT NULL,
    proposed_by           VARCHAR(200) NOT NULL,
    proposed_at           TIMESTAMPTZ  NOT NULL,
    decided_by_agency_id  UUID         NULL,
    decided_by            VARCHAR(200) NULL,
    decided_at            TIMESTAMPTZ  NULL
);
CREATE UNIQUE INDEX ux_merge_proposals_open ON merge_proposals (case_id, other_case_id) WHERE status = 'awaiting-confirmation';
CREATE INDEX ix_merge_proposals_other ON merge_proposals (other_case_id) WHERE status = 'awaiting-confirmation';
CREATE INDEX ix_merge_proposals_proposer ON merge_proposals (proposed_by_agency_id) WHERE status = 'awaiting-confirmation';
