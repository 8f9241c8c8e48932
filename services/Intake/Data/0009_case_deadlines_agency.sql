-- Whose wait it is: the agency that answers the offer or makes first contact, so the young person is told who will
-- contact them by when.
ALTER TABLE case_deadlines ADD COLUMN agency_id UUID NULL;
