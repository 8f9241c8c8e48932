using MassTransit;

namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// Feeds this service's consent and participation projections from the network's events, once per message, and puts
/// each committed change into the in-memory index at once. An agency takes part in a case when it referred the
/// person (<see cref="ParticipationRecorder"/>), accepted a handoff of the case, was given it by a coordinator, or
/// took part in a case merged into it.
/// </summary>
public sealed class ConsentProjector(Database database, ConsentIndex index, TimeProvider time) : IInboxConsumer,
    IConsumer<ConsentGranted>, IConsumer<ConsentRevoked>, IConsumer<ConsentExpired>, IConsumer<HandoffAccepted>, IConsumer<CasesMerged>,
    IConsumer<CaseClosed>, IConsumer<EscalationAssigned>
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

    public Task Consume(ConsumeContext<HandoffAccepted> context) => JoinAsync(context, context.Message.CaseId, context.Message.ToAgencyId);

    /// <summary>The agency a coordinator gave an escalated case to takes part in it.</summary>
    public Task Consume(ConsumeContext<EscalationAssigned> context) => JoinAsync(context, context.Message.CaseId, context.Message.AgencyId);

    private Task JoinAsync(ConsumeContext context, Guid caseId, Guid agencyId) =>
        database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
        {
            await ConsentProjection.JoinAsync(work, caseId, agencyId, time.GetUtcNow(), ct);
            work.AfterCommit(() => index.ApplyParticipant(caseId, agencyId));
        });

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
