using ReferralNet.Handoff.Features.Events;
using ReferralNet.Handoff.Features.Deadlines;

namespace ReferralNet.Handoff.Features.MoveHandoff;

public sealed record ContactRequest(DateTimeOffset? At, [property: CodeList(typeof(Modalities))] string? Modality, string? Note = null)
{
    public const int MaxNoteLength = DeclineRequest.MaxNoteLength;

    /// <summary>Clocks differ a little between a worker's phone and the server.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public ValidationErrors Validate(DateTimeOffset now) => new ValidationErrors()
        .Code(Modality, Modalities.All, "modality")
        .Check(At is null || At <= now + ClockSkew, "at", ErrorCodes.OutOfRange, "must not be in the future")
        .Check(At is null || At.Value.Year is >= 1900 and <= 2100, "at", ErrorCodes.OutOfRange, "must be between 1900 and 2100")
        .Check((Note?.Length ?? 0) <= MaxNoteLength, "note", ErrorCodes.TooLong, $"must be at most {MaxNoteLength} characters");
}

/// <summary>The receiver has met the young person: the sender's accountability ends, and the receiver becomes the lead.</summary>
public static class RecordFirstContact
{
    public static readonly HandoffMove Move = new("contact",
        From: CodeSet.Of(HandoffStatuses.Accepted), To: HandoffStatuses.Connected, BySender: false, Update: $"""
        UPDATE handoffs SET status = @To, connected_at = COALESCE(@At, @Now), contact_modality = @Modality,
            contact_note = @Note, updated_at = @Now
        WHERE id = @Id AND status = ANY(@From)
        RETURNING {HandoffRecord.StateColumns}, contact_modality AS ContactModality, contact_note AS ContactNote
        """);

    public static Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> HandleAsync(
        Guid id, ContactRequest request, Caller caller, HandoffMoves moves, TimeProvider time, CancellationToken ct) =>
        moves.MakeAsync(id, caller, Move, request.Validate(time.GetUtcNow()), new { request.At, request.Modality, Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim() }, async (work, h, now, ct) =>
            {
                await work.CancelAsync(DueTimerKinds.FirstContact, h.HandoffId, ct);
                work.Tell(h.ToAgencyId, AgencyEventKinds.TaskDue, h.HandoffId, h.CaseId, now, TaskKinds.RecordOutcome);
                return new HandoffConnected(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, h.ContactModality!, now);
            }, ct);
}
