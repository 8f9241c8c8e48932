using MassTransit;

namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// Feeds this service's consent and participation projections from the network's events, once per message, and puts
/// each committed change into the in-memory index at once. An agency takes part in a case when it referred the
/// person (<see cref="ParticipationRecorder"/>), accepted a handoff of the case, or took part in a case merged
/// into it.
/// </summary>
public sealed class ConsentProjector(Database database, ConsentIndex index, TimeProvider time) : IInboxConsumer,
    IConsumer<ConsentGranted>, IConsumer<ConsentRevoked>, IConsumer<ConsentExpired>, IConsumer<HandoffAccepted>, IConsumer<CasesMerged>,
    IConsumer<CaseClosed>
{
    public static string Inbox => "consent-projection";

    public Task Consume(ConsumeContext<CaseClosed> context) =>
        database.ConsumeOnceAsync(context, Inbox,
            (work, ct) => ConsentProjection.CloseAsync(work, index, context.Message, time.GetUtcNow(), ct));

    public Task Consume(ConsumeContext<CasesMerged> context) =>
        database.ConsumeOnceAsync(context, Inbox,
            (work, ct) => ConsentProjection.MergeAsync(work, index, context.Message, time.GetUtcNow(), ct));

    public Task Consume(ConsumeContext<ConsentGranted> context) =>
        ApplyConsentAsync(context, context.Message.ConsentId,
            (work, ct) => ConsentProjection.GrantAsync(work, context.Message, time.GetUtcNow(), ct));

    public Task Consume(ConsumeContext<ConsentRevoked> context) =>
        ApplyConsentAsync(context, context.Message.ConsentId, (work, ct) => ConsentProjection.EndAsync(
            work, context.Message.ConsentId, context.Message.PersonId, ConsentStatuses.Revoked, context.Message.OccurredAt, time.GetUtcNow(), ct));

    public Task Consume(ConsumeContext<ConsentExpired> context) =>
        ApplyConsentAsync(context, context.Message.ConsentId, (work, ct) => ConsentProjection.EndAsync(
            work, context.Message.ConsentId, context.Message.PersonId, ConsentStatuses.Expired, context.Message.OccurredAt, time.GetUtcNow(), ct));

    public Task Consume(ConsumeContext<HandoffAccepted> context)
    {
        var accepted = context.Message;
        return database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
        {
            await ConsentProjection.JoinAsync(work, accepted.CaseId, accepted.ToAgencyId, time.GetUtcNow(), ct);
            work.AfterCommit(() => index.ApplyParticipant(accepted.CaseId, accepted.ToAgencyId));
        });
    }

    private Task ApplyConsentAsync(ConsumeContext context, Guid consentId, Func<UnitOfWork, CancellationToken, Task> write) =>
        database.ConsumeOnceAsync(context, Inbox,
            async (work, ct) =>
            {
                await write(work, ct);
                // The index takes the row as the projection now holds it, whatever order the events came in.
                var row = await ConsentProjection.ReadAsync(work, consentId, ct);
                work.AfterCommit(() => index.Apply(row));
            });
}
