using ReferralNet.Handoff.Features.Deadlines;

namespace ReferralNet.Handoff.Features.MoveHandoff;

/// <summary>The sender takes an offer back, before first contact.</summary>
public static class WithdrawHandoff
{
    public static readonly HandoffMove Move = new("withdraw",
        From: CodeSet.Of(HandoffStatuses.Offered, HandoffStatuses.Accepted), To: HandoffStatuses.Withdrawn, BySender: true, Update: $"""
        UPDATE handoffs SET status = @To, closed_at = @Now, updated_at = @Now
        WHERE id = @Id AND status = ANY(@From)
        RETURNING {HandoffRecord.StateColumns}
        """);

    public static Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> HandleAsync(Guid id, Caller caller, HandoffMoves moves, CancellationToken ct) =>
        moves.MakeAsync(id, caller, Move, request: null, details: null, effect: async (work, h, now, ct) =>
        {
            await work.CancelAsync(DueTimerKinds.OfferExpiry, h.HandoffId, ct);
            await work.CancelAsync(DueTimerKinds.FirstContact, h.HandoffId, ct);
            return new HandoffWithdrawn(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, now);
        }, ct);
}
