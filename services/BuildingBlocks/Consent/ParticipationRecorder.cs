using MassTransit;

namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>The referring agency takes part in the case, and the case belongs to the person.</summary>
public sealed class ParticipationRecorder(Database database, ConsentIndex index) : IInboxConsumer, IConsumer<ReferralSubmitted>
{
    public static string Inbox => "referral-participation";

    public Task Consume(ConsumeContext<ReferralSubmitted> context) => database.ConsumeOnceAsync(context, Inbox, (work, ct) =>
        ConsentProjection.RecordReferralAsync(
            work, index, context.Message.CaseId, context.Message.PersonId, context.Message.FromAgencyId, context.Message.OccurredAt, ct));
}
