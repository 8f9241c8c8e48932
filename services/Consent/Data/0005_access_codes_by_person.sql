-- Superseding a person's older codes looks up all of that person's codes, ended or not.
DROP INDEX ix_access_codes_person;
CREATE INDEX ix_access_codes_person_issued ON access_codes (person_id, issued_at);
