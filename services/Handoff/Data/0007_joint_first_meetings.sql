-- The joint first meetings the support service confirmed (JointMeetingConfirmed): first contact recorded at one is
-- checked to be this handoff's, and the handoff keeps which meeting it was.
CREATE TABLE joint_meetings (
    meeting_id   UUID        PRIMARY KEY,
    handoff_id   UUID        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ NOT NULL
);
ALTER TABLE handoffs ADD COLUMN contact_meeting_id UUID NULL;
