-- Who may offer a case's referrals is decided by the consent projection's participation (lead or member, API-v3 §1),
-- the one rule every service reads; this service's own copy of referrers and receivers goes. Every row of it is also
-- in case_participation: the referral, the accepted handoff, the assignment and the merge each joined both.
DROP TABLE case_agencies;

-- The agencies of the directory (from matching's AgencyListed): a coordinator gives an escalation only to one of them.
-- Agencies listed before this table existed are known by their services until matching announces them again.
CREATE TABLE directory_agencies (
    agency_id UUID        PRIMARY KEY,
    listed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO directory_agencies (agency_id, listed_at)
SELECT agency_id, min(listed_at) FROM directory_services GROUP BY agency_id;
