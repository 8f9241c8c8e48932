using ReferralNet.Handoff.Features.Events;
using ReferralNet.Handoff.Features.Deadlines;

namespace ReferralNet.Handoff.Features.MoveHandoff;

/// <summary>First contact: when, how, and at which joint first meeting when it was one (<see cref="MeetingId"/>).</summary>
public sealed record ContactRequest(
    DateTimeOffset? At, [property: CodeList(typeof(Modalities))] string? Modality, string? Note = null, Guid? MeetingId = null)
{
    public const int MaxNoteLength = DeclineRequest.MaxNoteLength;

    /// <summary>Clocks differ a little between a worker's phone and the server.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <param name="isJointMeeting">Whether a meeting is this handoff's confirmed joint first meeting.</param>
    public ValidationErrors Validate(DateTimeOffset now, bool isJointMeeting) => new ValidationErrors()
        .Code(Modality, Modalities.All, "modality")
        .Check(MeetingId is null || isJointMeeting, "meetingId", ErrorCodes.UnknownValue, "is not a confirmed joint first meeting of this handoff")
        .Check(At is null || At <= now + ClockSkew, "at", ErrorCodes.OutOfRange, "must not be in the future")
        .Check(At is null || At.Value.Year is >= 1900 and <= 2100, "at", ErrorCodes.OutOfRange, "must be between 1900 and 2100")
        .Check((Note?.Length ?? 0) <= MaxNoteLength, "note", ErrorCodes.TooLong, $"must be at most {MaxNoteLength} characters");
}

/// <summary>
/// The receiver has met the young person: the sender's accountability ends, and the receiver becomes the lead. At the
/// joint first meeting, it ends with both present, and the handoff and the case's timeline say so.
/// </summary>
public static class RecordFirstContact
{
    private const string JointMeeting = "SELECT COUNT(*) FROM joint_meetings WHERE meeting_id = @MeetingId AND handoff_id = @HandoffId";

    public static readonly HandoffMove Move = new("contact",
        From: CodeSet.Of(HandoffStatuses.Accepted), To: HandoffStatuses.Connected, BySender: false, Update: $"""
        UPDATE handoffs SET status = @To, connected_at = COALESCE(@At, @Now), contact_modality = @Modality,
            contact_note = @Note, contact_meeting_id = @MeetingId, updated_at = @Now
        WHERE id = @Id AND status = ANY(@From)
        RETURNING {HandoffRecord.StateColumns}, contact_modality AS ContactModality, contact_note AS ContactNote
        """);

    public static async Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> HandleAsync(
        Guid id, ContactRequest request, Caller caller, HandoffMoves moves, Database database, TimeProvider time, CancellationToken ct)
    {
        // Confirmed meetings are only added: read before the move, the answer holds in it.
        var isJointMeeting = request.MeetingId is { } meetingId
            && await database.QuerySingleOrDefaultAsync<long>(JointMeeting, new { MeetingId = meetingId, HandoffId = id }, ct) > 0;
        return await moves.MakeAsync(id, caller, Move, request.Validate(time.GetUtcNow(), isJointMeeting),
            new { request.At, request.Modality, Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), request.MeetingId },
            async (work, h, now, ct) =>
            {
                await work.CancelAsync(DueTimerKinds.FirstContact, h.HandoffId, ct);
                work.Tell(h.ToAgencyId, AgencyEventKinds.TaskDue, h.HandoffId, h.CaseId, now, TaskKinds.RecordOutcome);
                return new HandoffConnected(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, h.ContactModality!, now, h.ContactMeetingId);
            }, ct);
    }
}
