-- The access log holds more than the services' reads: the consent service's own reads by staff and auditors (kind
-- 'read', with the reader's role) and, later, the young person's sign-in events. Not every entry is about a case or
-- an agency (an auditor has none).
ALTER TABLE access_log ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'read';
ALTER TABLE access_log ADD COLUMN role VARCHAR(20) NULL;
ALTER TABLE access_log ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE access_log ALTER COLUMN agency_id DROP NOT NULL;
-- Who recorded a consent: the agency as well as the user, shown on the record, the receipt and the list.
ALTER TABLE consents ADD COLUMN recorded_by_agency_id UUID NULL;
