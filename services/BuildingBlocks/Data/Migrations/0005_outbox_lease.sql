-- The instance that committed a row publishes it straight from memory and holds it until leased_until; the polling
-- dispatchers take only rows without a lease or whose lease ran out (the committing instance died or gave up).
ALTER TABLE outbox_messages ADD COLUMN leased_until TIMESTAMPTZ NULL;
