-- What the receiver wrote about first contact (how it went, what was agreed): a case note, like the decline note.
ALTER TABLE handoffs ADD COLUMN contact_note TEXT NULL;
