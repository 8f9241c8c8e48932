-- The index refresher reads what changed since its last read by transaction id: every row records the id of the
-- transaction that last wrote it, and a reader remembers the oldest transaction still running when it last read
-- (txid_snapshot_xmin), so it sees late commits without re-reading a time window.
ALTER TABLE consent_projection ADD COLUMN change_txid BIGINT NOT NULL DEFAULT txid_current();
ALTER TABLE case_persons ADD COLUMN change_txid BIGINT NOT NULL DEFAULT txid_current();
ALTER TABLE case_participation ADD COLUMN change_txid BIGINT NOT NULL DEFAULT txid_current();
CREATE INDEX ix_consent_projection_txid ON consent_projection (change_txid);
CREATE INDEX ix_case_persons_txid ON case_persons (change_txid);
CREATE INDEX ix_case_participation_txid ON case_participation (change_txid);
DROP INDEX ix_consent_projection_changed;
DROP INDEX ix_case_persons_changed;
DROP INDEX ix_case_participation_changed;
