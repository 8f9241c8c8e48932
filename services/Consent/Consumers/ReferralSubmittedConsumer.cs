namespace ReferralNet.Consent.Consumers;

/// <summary>
/// Remembers each person's age at their latest referral that gave one, for the age of self-consent; and records the referral for
/// consent decisions (the referring agency takes part in the case).
/// </summary>
public sealed class ReferralSubmittedConsumer(Database database, ConsentIndex consents, TimeProvider time)
    : IdempotentConsumer<ReferralSubmitted>(database, time)
{
    protected override async Task HandleAsync(ReferralSubmitted referral, UnitOfWork work, CancellationToken ct)
    {
        await work.ExecuteAsync(
            """
            INSERT INTO persons (person_id, age_years, as_of) VALUES (@PersonId, @AgeYears, @OccurredAt)
            ON CONFLICT (person_id) DO UPDATE SET age_years = EXCLUDED.age_years, as_of = EXCLUDED.as_of
            WHERE persons.as_of < EXCLUDED.as_of AND EXCLUDED.age_years IS NOT NULL
            """, referral, ct);
        await ConsentProjection.RecordReferralAsync(work, consents, referral.CaseId, referral.PersonId, referral.FromAgencyId, Time.GetUtcNow(), ct);
    }
}
