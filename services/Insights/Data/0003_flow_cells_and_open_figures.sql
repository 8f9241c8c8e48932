-- Flow between agencies: a day's offers, accepts and passes from one agency to another. Cells are summed over whole
-- weeks or months and shown by agency or by agency kind, then suppressed (k) with every total that would reveal one.
CREATE TABLE flow_counts (
    day            DATE        NOT NULL,
    from_agency_id UUID        NOT NULL,
    to_agency_id   UUID        NOT NULL,
    metric         VARCHAR(40) NOT NULL,
    value          BIGINT      NOT NULL,
    PRIMARY KEY (day, from_agency_id, to_agency_id, metric)
);

-- The kind of each agency of the directory (AgencyListed): nothing else of it.
CREATE TABLE agencies (
    agency_id UUID        PRIMARY KEY,
    kind      VARCHAR(40) NOT NULL
);

-- Escalations by id, whichever of opening and resolving arrives first: open = opened and not resolved.
CREATE TABLE escalations (
    escalation_id UUID        PRIMARY KEY,
    opened_at     TIMESTAMPTZ NULL,
    resolved_at   TIMESTAMPTZ NULL
);
CREATE INDEX ix_escalations_open ON escalations (escalation_id) WHERE opened_at IS NOT NULL AND resolved_at IS NULL;

-- A handoff is stuck when handoff escalated it for no first contact and it has neither been connected nor closed since.
ALTER TABLE handoff_timings ADD COLUMN stuck_at TIMESTAMPTZ NULL;
ALTER TABLE handoff_timings ADD COLUMN closed_at TIMESTAMPTZ NULL;
CREATE INDEX ix_handoff_timings_stuck ON handoff_timings (handoff_id) WHERE stuck_at IS NOT NULL AND connected_at IS NULL AND closed_at IS NULL;
