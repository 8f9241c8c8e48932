using MassTransit;

namespace ReferralNet.Handoff.Consumers;

/// <summary>
/// Learns which case a referral belongs to, what the eligibility rule reads of it, and that the referring agency takes
/// part in the case (the consent projection, which every decision here reads).
/// </summary>
public sealed class ReferralRecorder(Database database, ConsentIndex consents) : IInboxConsumer, IConsumer<ReferralSubmitted>
{
    public static string Inbox => "referral-submitted";

    private const string Record = """
        INSERT INTO referrals (referral_id, case_id, from_agency_id, urgency, needs, age_years, municipality, received_at)
        VALUES (@ReferralId, @CaseId, @FromAgencyId, @Urgency, @Needs, @AgeYears, @Municipality, @OccurredAt)
        ON CONFLICT (referral_id) DO NOTHING
        """;

    public Task Consume(ConsumeContext<ReferralSubmitted> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        var referral = context.Message;
        await work.ExecuteAsync(Record, referral, ct);
        await ConsentProjection.RecordReferralAsync(work, consents, referral.CaseId, referral.PersonId, referral.FromAgencyId, referral.OccurredAt, ct);
    });
}
