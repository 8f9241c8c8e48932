CREATE TABLE agencies (
    id           UUID         PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    municipality VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);

-- A service's full description is one JSON document; the columns beside it are what queries filter on.
CREATE TABLE services (
    id         UUID         PRIMARY KEY,
    agency_id  UUID         NOT NULL REFERENCES agencies (id),
    status     VARCHAR(20)  NOT NULL,
    document   TEXT         NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_services_status ON services (status);

CREATE TABLE service_needs (
    service_id UUID        NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    need       VARCHAR(40) NOT NULL,
    PRIMARY KEY (service_id, need)
);

CREATE TABLE service_modalities (
    service_id UUID        NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    modality   VARCHAR(40) NOT NULL,
    PRIMARY KEY (service_id, modality)
);

-- What matching proposed for each referral it received (candidates as JSON, best first).
CREATE TABLE referral_matches (
    referral_id    UUID        PRIMARY KEY,
    case_id        UUID        NOT NULL,
    from_agency_id UUID        NOT NULL,
    candidates     TEXT        NOT NULL,
    proposed_at    TIMESTAMPTZ NOT NULL
);
