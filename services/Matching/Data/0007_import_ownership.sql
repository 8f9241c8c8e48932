-- Terms and taxonomies of other systems belong to the agency that first imported them (ReferralNet's own are in code
-- and belong to nobody): another agency's import does not rename them. Rows stored before this are claimed by the
-- next import that carries them.
ALTER TABLE taxonomy_terms ADD COLUMN owner_agency_id UUID NULL;
ALTER TABLE taxonomies ADD COLUMN owner_agency_id UUID NULL;
