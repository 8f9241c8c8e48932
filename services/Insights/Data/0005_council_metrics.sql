-- A council's support meetings are counted under a metric naming the council (support-meetings- and its 32 hex digits).
ALTER TABLE daily_counts ALTER COLUMN metric TYPE VARCHAR(60);
