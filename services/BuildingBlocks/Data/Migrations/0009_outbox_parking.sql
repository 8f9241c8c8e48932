-- A row that keeps failing to publish (its body no longer reads as its type, say) is parked after
-- Outbox:ParkAfterAttempts tries, so it no longer holds up the rows behind it; an operator brings it back.
ALTER TABLE outbox_messages ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE outbox_messages ADD COLUMN parked_at TIMESTAMPTZ NULL;
ALTER TABLE outbox_messages ADD COLUMN last_error TEXT NULL;
CREATE INDEX ix_outbox_messages_parked ON outbox_messages (seq) WHERE parked_at IS NOT NULL;
