-- The directory in Open Referral HSDS 3.0: each organization's and each service's HSDS document is what the directory
-- keeps; the agency's columns, the service's description (ReferralNet's reading, which ranking uses) and the columns
-- beside them are derived from it on every save. Rows saved before this get their documents from the data migration
-- HsdsDocuments at the next start.
ALTER TABLE agencies ADD COLUMN hsds JSONB NULL;
ALTER TABLE agencies ADD COLUMN updated_at TIMESTAMPTZ NULL;
ALTER TABLE services ADD COLUMN hsds JSONB NULL;
-- Published by its agency to young people, who may browse it without an account.
ALTER TABLE services ADD COLUMN public BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_services_public ON services (public) WHERE public;
CREATE INDEX ix_services_agency ON services (agency_id);
CREATE INDEX ix_services_updated_at ON services (updated_at);

-- Terms of other systems' taxonomies that imported listings carry (ReferralNet's own are in code), and their taxonomies.
CREATE TABLE taxonomy_terms (
    id          UUID  PRIMARY KEY,
    taxonomy_id UUID  NULL,
    parent_id   UUID  NULL,
    document    JSONB NOT NULL
);
CREATE INDEX ix_taxonomy_terms_taxonomy ON taxonomy_terms (taxonomy_id);
CREATE TABLE taxonomies (
    id       UUID  PRIMARY KEY,
    document JSONB NOT NULL
);

-- An agency administrator's reading of a foreign term: services of that agency carrying it cover the need.
CREATE TABLE term_needs (
    agency_id        UUID        NOT NULL,
    taxonomy_term_id UUID        NOT NULL,
    need             VARCHAR(40) NOT NULL,
    PRIMARY KEY (agency_id, taxonomy_term_id)
);
