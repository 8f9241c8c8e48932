-- Pre-aggregated flow figures. Nothing here names or describes a person: counts per day, and per case or handoff only
-- ids and times, from which dashboards compute figures that are then k-anonymity suppressed.
CREATE TABLE daily_counts (
    day    DATE        NOT NULL,
    metric VARCHAR(40) NOT NULL,
    value  BIGINT      NOT NULL,
    PRIMARY KEY (day, metric)
);

CREATE TABLE handoff_timings (
    handoff_id   UUID        PRIMARY KEY,
    case_id      UUID        NOT NULL,
    offered_at   TIMESTAMPTZ NULL,
    accepted_at  TIMESTAMPTZ NULL,
    connected_at TIMESTAMPTZ NULL
);
CREATE INDEX ix_handoff_timings_offered ON handoff_timings (offered_at);

CREATE TABLE case_passes (
    case_id   UUID NOT NULL PRIMARY KEY,
    opened_on DATE NOT NULL,
    passes    INT  NOT NULL
);
CREATE INDEX ix_case_passes_opened ON case_passes (opened_on);
