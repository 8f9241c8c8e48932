-- A day's count of a metric is spread over 16 slots: concurrent consumers increment different rows instead of all
-- waiting on one (and one row's chain of dead versions growing with every event). Reading sums the slots.
ALTER TABLE daily_counts ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE daily_counts DROP CONSTRAINT daily_counts_pkey;
ALTER TABLE daily_counts ADD PRIMARY KEY (day, metric, slot);
