using MassTransit;
using ReferralNet.Handoff.Features;
using ReferralNet.Handoff.Features.Escalations;

namespace ReferralNet.Handoff.Consumers;

/// <summary>
/// A closed case has nothing left to hand on: its offers not yet answered are withdrawn (<c>case-closed</c>), its
/// deadlines cleared, and its open escalations resolved.
/// </summary>
public sealed class OfferWithdrawalOnClosing(Database database, TimeProvider time) : IInboxConsumer, IConsumer<CaseClosed>
{
    public static string Inbox => "case-closed";

    private const string WithdrawOpen = $"""
        UPDATE handoffs SET status = '{HandoffStatuses.Withdrawn}', closed_at = @Now, updated_at = @Now
        WHERE case_id = @CaseId AND status IN ('{HandoffStatuses.Offered}', '{HandoffStatuses.Accepted}')
        RETURNING {HandoffRecord.StateColumns}
        """;

    private const string ClearDeadlines = "DELETE FROM due_timers WHERE case_id = @CaseId";

    public Task Consume(ConsumeContext<CaseClosed> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        var closed = context.Message;
        var now = time.GetUtcNow();
        foreach (var offer in await work.QueryAsync<HandoffRecord>(WithdrawOpen, new { closed.CaseId, Now = now }, ct))
        {
            work.Publish(new HandoffWithdrawn(offer.HandoffId, offer.CaseId, offer.FromAgencyId, offer.ToAgencyId, now, WithdrawReasons.CaseClosed));
        }
        await work.ExecuteAsync(ClearDeadlines, closed, ct);
        await CaseEscalations.ResolveAllAsync(work, closed.CaseId, EscalationResolutions.CaseClosed, now, ct);
    });
}
