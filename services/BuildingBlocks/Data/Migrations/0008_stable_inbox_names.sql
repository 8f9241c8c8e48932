-- The inbox names each consumer by a stable string, the name of its queue without the service prefix, instead of a CLR
-- type name: renaming a class must not make the messages it already handled look new.
UPDATE inbox_messages SET consumer = CASE
    WHEN consumer LIKE 'ConsentProjectionConsumer.%' THEN 'consent-projection'
    WHEN consumer = 'ReferralNet.BuildingBlocks.Consent.ReferralParticipationConsumer' THEN 'referral-participation'
    WHEN consumer LIKE 'CaseTimelineConsumer.%' THEN 'case-timeline'
    WHEN consumer LIKE 'FlowRecorder.%' THEN 'flow-recorder'
    WHEN consumer = 'ReferralNet.Consent.Consumers.ReferralSubmittedConsumer' THEN 'referral-submitted'
    WHEN consumer = 'ReferralNet.Consent.Consumers.YouthAccessCodeIssuedConsumer' THEN 'youth-access-code-issued'
    WHEN consumer = 'ReferralNet.Handoff.Consumers.ReferralSubmittedConsumer' THEN 'referral-submitted'
    WHEN consumer = 'ReferralNet.Handoff.Consumers.MatchesProposedConsumer' THEN 'matches-proposed'
    WHEN consumer = 'ReferralNet.Handoff.Consumers.ConsentRevokedConsumer' THEN 'consent-revoked'
    WHEN consumer = 'ReferralNet.Handoff.Consumers.CasesMergedConsumer' THEN 'cases-merged'
    WHEN consumer = 'ReferralNet.Matching.Consumers.ReferralSubmittedConsumer' THEN 'referral-submitted'
    ELSE consumer
END;
