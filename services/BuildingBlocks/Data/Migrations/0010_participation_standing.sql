-- API-v3 §1: an agency's standing in a case can end while the case goes on (the young person removes it; a
-- coordinator gives an escalation to another agency). The row stays, with when it ended, so the change feed carries the
-- end to every instance and an earlier join delivered late cannot bring it back. How and when the agency came in
-- (joined_by: referral, handoff, admitted, escalation) is what intake's team view shows and the escalation rule reads.
ALTER TABLE case_participation ADD COLUMN joined_at TIMESTAMPTZ NULL;
ALTER TABLE case_participation ADD COLUMN joined_by VARCHAR(20) NULL;
ALTER TABLE case_participation ADD COLUMN ended_at TIMESTAMPTZ NULL;
UPDATE case_participation SET joined_at = changed_at, joined_by = 'referral';
