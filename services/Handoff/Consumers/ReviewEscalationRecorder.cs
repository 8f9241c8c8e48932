using MassTransit;
using ReferralNet.Handoff.Features.Escalations;

namespace ReferralNet.Handoff.Consumers;

/// <summary>
/// The support service's escalations of overdue reviews (<c>review-overdue</c>) join the coordinators' list, which is
/// kept here with the handoff workflow's own, and leave it when a review resolves them. Escalations of other reasons
/// are this service's own events coming back, and are passed over.
/// </summary>
public sealed class ReviewEscalationRecorder(Database database) : IInboxConsumer, IConsumer<CaseEscalated>, IConsumer<EscalationResolved>
{
    public static string Inbox => "review-escalations";

    // A resolution delivered before its escalation leaves the escalation resolved, so the late one lists nothing.
    private const string Resolve = $"""
        INSERT INTO escalations (id, case_id, reason, pass_count, status, opened_at, resolution, resolved_at)
        VALUES (@EscalationId, @CaseId, @Reason, 0, '{EscalationStatuses.Resolved}', @OccurredAt, @Resolution, @OccurredAt)
        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, resolution = EXCLUDED.resolution, resolved_at = EXCLUDED.resolved_at
        WHERE escalations.status = '{EscalationStatuses.Open}'
        """;

    public Task Consume(ConsumeContext<CaseEscalated> context) =>
        context.Message.Reason != EscalationReasons.ReviewOverdue
            ? Task.CompletedTask
            : database.ConsumeOnceAsync(context, Inbox, (work, ct) => CaseEscalations.ListAsync(work, context.Message, ct));

    public Task Consume(ConsumeContext<EscalationResolved> context) =>
        context.Message.Reason != EscalationReasons.ReviewOverdue
            ? Task.CompletedTask
            : database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(Resolve, context.Message, ct));
}
