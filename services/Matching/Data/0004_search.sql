-- Free-text search over the directory in Japanese and English: trigrams need no word segmentation, which the default
-- text search cannot do for Japanese. The text is the service's name, description and codes, kept by the database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE services ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    coalesce(document::jsonb ->> 'Name', '') || ' ' || coalesce(document::jsonb ->> 'Description', '') || ' '
    || coalesce(document::jsonb ->> 'Needs', '') || ' ' || coalesce(document::jsonb ->> 'Modalities', '')) STORED;
CREATE INDEX ix_services_search_text ON services USING gin (search_text gin_trgm_ops);
