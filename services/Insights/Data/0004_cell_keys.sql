-- The cell-key method: beside each row's count, the sum modulo 2^32 of the keys of the records it counts (an event's
-- id hashed with its metric). A period's cell key is then a sum of rows like its count, the same whatever query
-- counts the same records. Rows counted before this migration add nothing to a key.
ALTER TABLE daily_counts ADD COLUMN key_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE flow_counts ADD COLUMN key_sum BIGINT NOT NULL DEFAULT 0;
