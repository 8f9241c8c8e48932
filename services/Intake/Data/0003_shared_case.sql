-- The shared case, day 3: self-referrals (a nickname and a way to reach the young person, no full name needed),
-- merged records, the case timeline and the statuses awaiting-consent and dormant.

-- A self-referral may give only a nickname and a contact channel; such a person has no identity key until a worker
-- records their name. A merged person points at the record that carries on.
ALTER TABLE persons ALTER COLUMN identity_key DROP NOT NULL;
ALTER TABLE persons ALTER COLUMN family_name DROP NOT NULL;
ALTER TABLE persons ALTER COLUMN given_name DROP NOT NULL;
ALTER TABLE persons ALTER COLUMN birth_date DROP NOT NULL;
ALTER TABLE persons ALTER COLUMN municipality DROP NOT NULL;
ALTER TABLE persons ADD COLUMN nickname VARCHAR(100) NULL;
ALTER TABLE persons ADD COLUMN line_id VARCHAR(100) NULL;
ALTER TABLE persons ADD COLUMN contact_preference VARCHAR(20) NULL;
ALTER TABLE persons ADD COLUMN merged_into UUID NULL REFERENCES persons (id);
-- Possible duplicates are looked for among persons born the same day.
CREATE INDEX ix_persons_birth_date ON persons (birth_date);

-- last_contact_at drives dormancy: a referral or a first contact counts; reading the case does not.
ALTER TABLE cases ADD COLUMN merged_into UUID NULL REFERENCES cases (id);
ALTER TABLE cases ADD COLUMN last_contact_at TIMESTAMPTZ NULL;
UPDATE cases SET last_contact_at = updated_at;
ALTER TABLE cases ALTER COLUMN last_contact_at SET NOT NULL;
CREATE INDEX ix_cases_open_by_contact ON cases (last_contact_at) WHERE status = 'open';
CREATE INDEX ix_cases_merged_into ON cases (merged_into) WHERE merged_into IS NOT NULL;
-- Consent events name the person, not the case.
CREATE INDEX ix_cases_person ON cases (person_id);
-- The lead follows the latest first contact, whatever order the events arrive in.
ALTER TABLE cases ADD COLUMN lead_since TIMESTAMPTZ NULL;
UPDATE cases SET lead_since = opened_at;

-- Who takes part in a case is the consent projection's case_participation (one list for access and for display).
INSERT INTO case_participation (case_id, agency_id, changed_at)
SELECT case_id, agency_id, joined_at FROM case_participants
ON CONFLICT (case_id, agency_id) DO NOTHING;
DROP TABLE case_participants;
CREATE INDEX ix_case_participation_agency ON case_participation (agency_id, case_id);

-- One chronological list per case: intake's own actions and the network's events about the case. Ids and codes only:
-- ref_id is the referral, handoff, consent or case the entry is about; detail is a code (a decline reason, an outcome).
CREATE TABLE case_timeline (
    seq       BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id   UUID        NOT NULL REFERENCES cases (id),
    at        TIMESTAMPTZ NOT NULL,
    kind      VARCHAR(40) NOT NULL,
    agency_id UUID        NULL,
    ref_id    UUID        NULL,
    detail    VARCHAR(100) NULL
);
CREATE INDEX ix_case_timeline_case ON case_timeline (case_id, at, seq);

INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id)
SELECT id, opened_at, 'case-opened', lead_agency_id, NULL FROM cases;
INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
SELECT case_id, created_at, 'referral-submitted', from_agency_id, id, source FROM referrals;
