-- A case may be opened again after it closed (a follow-up found the young person needs help again): the later of a
-- closing and a reopening wins, whatever order their events arrive in.
ALTER TABLE case_persons ADD COLUMN reopened_at TIMESTAMPTZ NULL;
