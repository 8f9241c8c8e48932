-- The effect a probe consumer applies, so tests can count how often it happened.
CREATE TABLE probe_effects (
    probe_id UUID PRIMARY KEY,
    applied  INT  NOT NULL
);
