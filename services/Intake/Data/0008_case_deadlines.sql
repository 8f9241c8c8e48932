-- By when a case waits for someone, as other services announce it (an offer's answer, first contact after an accept),
-- one row per handoff and kind: read as the case's next due in a worker's list. A wait that was settled stays, marked,
-- so an announcement arriving after its own settling (an offer after its accept) does not bring it back.
CREATE TABLE case_deadlines (
    case_id UUID        NOT NULL,
    ref_id  UUID        NOT NULL,
    kind    VARCHAR(40) NOT NULL,
    due_at  TIMESTAMPTZ NULL,
    settled BOOLEAN     NOT NULL,
    PRIMARY KEY (case_id, ref_id, kind)
);
CREATE INDEX ix_case_deadlines_open ON case_deadlines (case_id, due_at) WHERE NOT settled;
