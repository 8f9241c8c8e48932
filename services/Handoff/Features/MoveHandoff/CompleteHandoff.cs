namespace ReferralNet.Handoff.Features.MoveHandoff;

public sealed record CompleteRequest([property: CodeList(typeof(Outcomes))] string? Outcome)
{
    public ValidationErrors Validate() => new ValidationErrors().Code(Outcome, Outcomes.All, "outcome");
}

/// <summary>The receiver's part is done, with how it ended for the young person.</summary>
public static class CompleteHandoff
{
    public static readonly HandoffMove Move = new("complete",
        From: CodeSet.Of(HandoffStatuses.Connected), To: HandoffStatuses.Completed, BySender: false, Update: $"""
        UPDATE handoffs SET status = @To, outcome = @Outcome, closed_at = @Now, updated_at = @Now
        WHERE id = @Id AND status = ANY(@From)
        RETURNING {HandoffRecord.StateColumns}, outcome
        """);

    public static Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> HandleAsync(
        Guid id, CompleteRequest request, Caller caller, HandoffMoves moves, CancellationToken ct) =>
        moves.MakeAsync(id, caller, Move, request.Validate(), new { request.Outcome }, (_, h, now, _) =>
            Task.FromResult<object>(new HandoffCompleted(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, h.Outcome!, now)), ct);
}
