-- When each wait was last announced, so an older announcement that arrives late (a plan's earlier review day) does
-- not overwrite a newer one.
ALTER TABLE case_deadlines ADD COLUMN announced_at TIMESTAMPTZ NULL;
