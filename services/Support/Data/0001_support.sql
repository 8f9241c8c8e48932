-- What the support service knows of each case's team: its lead as intake announces it, and whose agency the key
-- person works for (their name stays in intake). The case's person and closing are in the consent projection.
CREATE TABLE case_teams (
    case_id              UUID        PRIMARY KEY,
    lead_agency_id       UUID        NULL,
    lead_since           TIMESTAMPTZ NULL,
    key_person_agency_id UUID        NULL,
    key_person_since     TIMESTAMPTZ NULL
);

-- The support plan of a case as it stands: goals and steps as JSON (a plan is read and written whole), the version
-- a writer must name (If-Match), and the review date. Every version, this one included, is also in plan_versions.
CREATE TABLE plans (
    case_id              UUID        PRIMARY KEY,
    version              INT         NOT NULL,
    goals                TEXT        NOT NULL,
    steps                TEXT        NOT NULL,
    next_review_due      DATE        NOT NULL,
    youth_agreed_at      TIMESTAMPTZ NULL,
    youth_agreed_version INT         NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_plans_review ON plans (next_review_due);

CREATE TABLE plan_versions (
    id              UUID        PRIMARY KEY,
    case_id         UUID        NOT NULL,
    version         INT         NOT NULL,
    goals           TEXT        NOT NULL,
    steps           TEXT        NOT NULL,
    next_review_due DATE        NOT NULL,
    change          VARCHAR(20) NOT NULL,
    agency_id       UUID        NULL,
    saved_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (case_id, version)
);

-- Every move of a step, forward, paused or back: counted, never judged.
CREATE TABLE step_moves (
    id          UUID          PRIMARY KEY,
    case_id     UUID          NOT NULL,
    step_id     UUID          NOT NULL,
    from_status VARCHAR(20)   NOT NULL,
    to_status   VARCHAR(20)   NOT NULL,
    note        VARCHAR(1000) NULL,
    agency_id   UUID          NOT NULL,
    moved_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX ix_step_moves_case ON step_moves (case_id, moved_at);

-- The young person's comments on their plan, in their words.
CREATE TABLE plan_comments (
    id           UUID          PRIMARY KEY,
    case_id      UUID          NOT NULL,
    plan_version INT           NOT NULL,
    text         VARCHAR(2000) NOT NULL,
    written_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX ix_plan_comments_case ON plan_comments (case_id, written_at);

CREATE TABLE reviews (
    id              UUID        PRIMARY KEY,
    case_id         UUID        NOT NULL,
    agency_id       UUID        NOT NULL,
    goals           TEXT        NOT NULL,
    due             DATE        NOT NULL,
    on_time         BOOLEAN     NOT NULL,
    next_review_due DATE        NOT NULL,
    reviewed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_reviews_case ON reviews (case_id, reviewed_at);

-- The follow-up after a closing: due Support:FollowUpAfter later, for the agency that led at closing; one waits per
-- case at most (a reopening before it is due drops it).
CREATE TABLE follow_ups (
    id             UUID        PRIMARY KEY,
    case_id        UUID        NOT NULL,
    agency_id      UUID        NOT NULL,
    closed_at      TIMESTAMPTZ NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    result         VARCHAR(20) NULL,
    recorded_at    TIMESTAMPTZ NULL
);
CREATE UNIQUE INDEX ux_follow_ups_waiting ON follow_ups (case_id) WHERE result IS NULL;
CREATE INDEX ix_follow_ups_agency ON follow_ups (agency_id, due_at) WHERE result IS NULL;

-- Deadlines that fire once (handoff's machinery): a review overdue by Support:ReviewGrace escalates. A sweep claims
-- due rows with SKIP LOCKED and deletes them in the transaction of their effect.
CREATE TABLE due_timers (
    id      UUID        PRIMARY KEY,
    kind    VARCHAR(40) NOT NULL,
    case_id UUID        NOT NULL,
    due_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_due_timers_due ON due_timers (due_at);
CREATE INDEX ix_due_timers_case ON due_timers (case_id, kind);

-- The review escalation this service raised and has not resolved: a review resolves it.
CREATE TABLE review_escalations (
    case_id       UUID        PRIMARY KEY,
    escalation_id UUID        NOT NULL,
    opened_at     TIMESTAMPTZ NOT NULL
);
