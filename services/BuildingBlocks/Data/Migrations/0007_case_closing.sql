-- Participation ends for all but the lead some time after a case closes: every projection keeps when and who led.
ALTER TABLE case_persons ADD COLUMN closed_at TIMESTAMPTZ NULL;
ALTER TABLE case_persons ADD COLUMN closed_lead_agency_id UUID NULL;
