using ReferralNet.Handoff.Features.Events;
using ReferralNet.Handoff.Features.Deadlines;

namespace ReferralNet.Handoff.Features.MoveHandoff;

public sealed record DeclineRequest([property: CodeList(typeof(DeclineReasons))] string? Reason, string? Note)
{
    public const int MaxNoteLength = 2000;

    public ValidationErrors Validate() => new ValidationErrors()
        .Code(Reason, DeclineReasons.All, "reason")
        .Check((Note?.Length ?? 0) <= MaxNoteLength, "note", ErrorCodes.TooLong, $"must be at most {MaxNoteLength} characters");
}

/// <summary>The receiving agency cannot take the young person on: a pass, with a reason code and a note for the sender.</summary>
public static class DeclineHandoff
{
    public static readonly HandoffMove Move = new("decline",
        From: CodeSet.Of(HandoffStatuses.Offered), To: HandoffStatuses.Declined, BySender: false, Update: $"""
        UPDATE handoffs SET status = @To, decline_reason = @Reason, decline_note = @Note, closed_at = @Now, updated_at = @Now
        WHERE id = @Id AND status = ANY(@From)
        RETURNING {HandoffRecord.StateColumns}, decline_reason AS DeclineReason, decline_note AS DeclineNote
        """);

    public static Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> HandleAsync(
        Guid id, DeclineRequest request, Caller caller, HandoffMoves moves, CasePasses passes, CancellationToken ct) =>
        moves.MakeAsync(id, caller, Move, request.Validate(), new { request.Reason, Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note },
            async (work, h, now, ct) =>
            {
                await work.CancelAsync(DueTimerKinds.OfferExpiry, h.HandoffId, ct);
                work.Tell(h.FromAgencyId, AgencyEventKinds.OfferAnswered, h.HandoffId, h.CaseId, now, HandoffStatuses.Declined);
                await passes.RecordAsync(work, h, now, ct);
                return new HandoffDeclined(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, h.DeclineReason!, now);
            }, ct);
}
