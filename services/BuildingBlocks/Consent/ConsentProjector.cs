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
    IConsumer<CaseClosed>, IConsumer<CaseReopened>, IConsumer<EscalationAssigned>, IConsumer<TeamMemberRemoved>
{
    public static string Inbox => "consent-projection";

    public Task Consume(ConsumeContext<CaseClosed> context) =>
        database.ConsumeOnceAsync(context, Inbox,
            (work, ct) => ConsentProjection.CloseAsync(work, index, context.Message, time.GetUtcNow(), ct));

    public Task Consume(ConsumeContext<CaseReopened> context) =>
        database.ConsumeOnceAsync(context, Inbox,
            (work, ct) => ConsentProjection.ReopenAsync(work, index, context.Message, time.GetUtcNow(), ct));

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

    public Task Consume(ConsumeContext<HandoffAccepted> context) =>
        JoinAsync(context, context.Message.CaseId, context.Message.ToAgencyId, JoinedBy.Handoff, context.Message.OccurredAt);

    /// <summary>The agency a coordinator gave an escalated case to takes part in it.</summary>
    public Task Consume(ConsumeContext<EscalationAssigned> context) =>
        JoinAsync(context, context.Message.CaseId, context.Message.AgencyId, JoinedBy.Escalation, context.Message.OccurredAt);

    /// <summary>The young person removed the agency, or a coordinator gave the escalation to another: it takes part no more.</summary>
    public Task Consume(ConsumeContext<TeamMemberRemoved> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => ConsentProjection.LeaveAsync(
            work, index, context.Message.CaseId, context.Message.AgencyId, context.Message.OccurredAt, time.GetUtcNow(), ct));

    private Task JoinAsync(ConsumeContext context, Guid caseId, Guid agencyId, string joinedBy, DateTimeOffset at) =>
        database.ConsumeOnceAsync(context, Inbox,
            (work, ct) => ConsentProjection.JoinAsync(work, index, caseId, agencyId, joinedBy, at, time.GetUtcNow(), ct));

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
