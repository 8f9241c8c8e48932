using MassTransit;

namespace ReferralNet.Support.Consumers;

/// <summary>
/// A coordinator resolved a review escalation (in the handoff service's list): this service forgets it, so the next
/// overdue review escalates again. Resolutions of other reasons, and this service's own after a review, change nothing.
/// </summary>
public sealed class ReviewEscalationResolutions(Database database) : IInboxConsumer, IConsumer<EscalationResolved>
{
    public static string Inbox => "review-escalation-resolutions";

    private const string Forget = "DELETE FROM review_escalations WHERE escalation_id = @EscalationId";

    public Task Consume(ConsumeContext<EscalationResolved> context) =>
        context.Message.Reason != EscalationReasons.ReviewOverdue
            ? Task.CompletedTask
            : database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(Forget, context.Message, ct));
}
