-- A code now works until it expires, a newer code replaces it or a credential is chosen after it (enrolment can be
-- left and resumed with the same code): an exchange no longer ends it, so nothing writes ended_at.
ALTER TABLE access_codes DROP COLUMN ended_at;
