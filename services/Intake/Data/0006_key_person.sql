-- The key person of a case (主担当者, API-v3 §1): a worker of a team member, named by the lead with the young person.
ALTER TABLE cases ADD COLUMN key_person_agency_id UUID NULL;
ALTER TABLE cases ADD COLUMN key_person_name VARCHAR(100) NULL;

-- The young person's request for another key person: one open request per case, a task for the lead until the lead
-- names a key person again.
CREATE TABLE key_person_change_requests (
    case_id      UUID          PRIMARY KEY REFERENCES cases (id),
    requested_at TIMESTAMPTZ   NOT NULL,
    note         VARCHAR(1000) NULL
);
