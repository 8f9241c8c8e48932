-- The referral's urgency sets how long a receiver has to answer an offer.
ALTER TABLE referrals ADD COLUMN urgency VARCHAR(20) NOT NULL DEFAULT 'routine';

-- What the receiver wrote when declining: a case note for the sender, shown as consent permits.
ALTER TABLE handoffs ADD COLUMN decline_note TEXT NULL;

-- Deadlines that fire once: an offer's expiry, first contact after an accept, the next step after a pass. A sweep
-- claims due rows with SKIP LOCKED and deletes them in the transaction of their effect, so two instances never fire
-- one twice and a restart fires what fell due meanwhile; the move that makes a deadline moot deletes it.
CREATE TABLE due_timers (
    id         UUID        PRIMARY KEY,
    kind       VARCHAR(40) NOT NULL,
    case_id    UUID        NOT NULL,
    handoff_id UUID        NULL,
    due_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_due_timers_due ON due_timers (due_at);
CREATE INDEX ix_due_timers_handoff ON due_timers (handoff_id) WHERE handoff_id IS NOT NULL;
CREATE INDEX ix_due_timers_case ON due_timers (case_id, kind);

-- A case handed on to coordinators: passed around, no first contact, or no next step after a pass. At most one open
-- escalation per case and reason.
CREATE TABLE escalations (
    id                 UUID        PRIMARY KEY,
    case_id            UUID        NOT NULL,
    reason             VARCHAR(40) NOT NULL,
    pass_count         INT         NOT NULL,
    status             VARCHAR(20) NOT NULL,
    opened_at          TIMESTAMPTZ NOT NULL,
    assigned_agency_id UUID        NULL,
    resolution         VARCHAR(40) NULL,
    resolved_at        TIMESTAMPTZ NULL
);
CREATE UNIQUE INDEX ux_escalations_open ON escalations (case_id, reason) WHERE status = 'open';
CREATE INDEX ix_escalations_status ON escalations (status, opened_at);

-- The lead of each case as intake announces it (CaseLeadChanged); until then the first referrer leads.
CREATE TABLE case_leads (
    case_id        UUID        PRIMARY KEY,
    lead_agency_id UUID        NOT NULL,
    since          TIMESTAMPTZ NOT NULL
);

-- An offer sent with autoForward: when it is passed on, the next best candidate is offered by itself.
ALTER TABLE handoffs ADD COLUMN auto_forward BOOLEAN NOT NULL DEFAULT FALSE;
