-- A revocation looks up the cases of a person.
CREATE INDEX ix_case_persons_person ON case_persons (person_id);
