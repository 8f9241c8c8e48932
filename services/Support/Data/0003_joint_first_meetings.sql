-- The handoffs accepted and not yet connected, as the handoff service announces them: a joint first meeting is
-- proposed for one of them by its sender, and confirmed by its receiver.
CREATE TABLE accepted_handoffs (
    handoff_id     UUID        PRIMARY KEY,
    case_id        UUID        NOT NULL,
    from_agency_id UUID        NOT NULL,
    to_agency_id   UUID        NOT NULL,
    accepted_at    TIMESTAMPTZ NOT NULL,
    ended_at       TIMESTAMPTZ NULL
);

-- Where a meeting's time stands (a conference: scheduled), and the young person's request to move it.
ALTER TABLE meetings ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'scheduled';
ALTER TABLE meetings ADD COLUMN move_requested_at TIMESTAMPTZ NULL;
ALTER TABLE meetings ADD COLUMN move_note VARCHAR(500) NULL;
CREATE UNIQUE INDEX ux_meetings_joint_handoff ON meetings (handoff_id) WHERE handoff_id IS NOT NULL;
