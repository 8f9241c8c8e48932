-- Transactional outbox: rows are written in the same transaction as the domain change that emits them.
CREATE TABLE outbox_messages (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            UUID         NOT NULL UNIQUE,
    message_type  VARCHAR(300) NOT NULL,
    body          TEXT         NOT NULL,
    trace_parent  VARCHAR(100) NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    dispatched_at TIMESTAMPTZ  NULL
);

-- The dispatcher only ever scans what is still waiting.
CREATE INDEX ix_outbox_messages_waiting ON outbox_messages (seq) WHERE dispatched_at IS NULL;

-- Idempotent inbox: one row per (message, consumer), written with the consumer's effect.
CREATE TABLE inbox_messages (
    message_id   UUID         NOT NULL,
    consumer     VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
