using MassTransit;

namespace ReferralNet.Consent.Consumers;

/// <summary>
/// Remembers each person's age at their latest referral that gave one, for the age of self-consent; and records the
/// referral for consent decisions (the referring agency takes part in the case).
/// </summary>
public sealed class PersonAgeRecorder(Database database, ConsentIndex consents, TimeProvider time) : IInboxConsumer, IConsumer<ReferralSubmitted>
{
    public static string Inbox => "referral-submitted";

    private const string RecordAge = """
        INSERT INTO persons (person_id, age_years, as_of) VALUES (@PersonId, @AgeYears, @OccurredAt)
        ON CONFLICT (person_id) DO UPDATE SET age_years = EXCLUDED.age_years, as_of = EXCLUDED.as_of
        WHERE persons.as_of < EXCLUDED.as_of AND EXCLUDED.age_years IS NOT NULL
        """;

    public Task Consume(ConsumeContext<ReferralSubmitted> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        var referral = context.Message;
        await work.ExecuteAsync(RecordAge, referral, ct);
        await ConsentProjection.RecordReferralAsync(work, consents, referral.CaseId, referral.PersonId, referral.FromAgencyId, time.GetUtcNow(), ct);
    });
}
