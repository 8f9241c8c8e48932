namespace ReferralNet.Handoff.Consumers;

/// <summary>Learns which case a referral belongs to and that the referring agency takes part in it (also for consent decisions).</summary>
public sealed class ReferralSubmittedConsumer(Database database, ConsentIndex consents, TimeProvider time) : IdempotentConsumer<ReferralSubmitted>(database, time)
{
    protected override async Task HandleAsync(ReferralSubmitted referral, UnitOfWork work, CancellationToken ct)
    {
        await work.ExecuteAsync(
            """
            INSERT INTO referrals (referral_id, case_id, from_agency_id, received_at)
            VALUES (@ReferralId, @CaseId, @FromAgencyId, @OccurredAt)
            ON CONFLICT (referral_id) DO NOTHING;
            INSERT INTO case_agencies (case_id, agency_id) VALUES (@CaseId, @FromAgencyId)
            ON CONFLICT (case_id, agency_id) DO NOTHING
            """, referral, ct);
        await ConsentProjection.RecordReferralAsync(work, consents, referral.CaseId, referral.PersonId, referral.FromAgencyId, Time.GetUtcNow(), ct);
    }
}
