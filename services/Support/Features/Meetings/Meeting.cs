namespace ReferralNet.Support.Features.Meetings;

/// <summary>An action agreed at a meeting: what an agency that attended does, by when, and when it said it was done.</summary>
public sealed record MeetingActionView
{
    public Guid ActionId { get; init; }
    public Guid AgencyId { get; init; }
    public string What { get; init; } = "";
    public DateOnly Due { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
}

public sealed record MeetingMinutes(IReadOnlyList<string> Decisions, IReadOnlyList<MeetingActionView> Actions);

/// <summary>
/// A meeting as its attendees read it; <see cref="Minutes"/> null until someone who attended writes them;
/// <see cref="MoveNote"/> what the young person said when they asked to move it.
/// </summary>
public sealed record MeetingView(
    Guid MeetingId, [property: CodeList(typeof(MeetingKinds))] string Kind, DateTimeOffset At, string? Place, string? OnlineUrl,
    IReadOnlyList<Guid> Attendees, bool YouthInvited, string Agenda, Guid? HandoffId, MeetingMinutes? Minutes,
    [property: CodeList(typeof(MeetingStatuses))] string Status, string? MoveNote);

/// <summary>
/// A meeting of a case's team as stored, and who may read and write it: a lead or member agency that attended, the
/// case's notes shared with it (each decision recorded for the young person's access log).
/// </summary>
public sealed class Meeting
{
    private const string Columns = """
        id AS MeetingId, case_id AS CaseId, kind, at, place, online_url AS OnlineUrl, attendees, youth_invited AS YouthInvited,
        agenda, handoff_id AS HandoffId, decisions, status, move_note AS MoveNote, scheduled_by AS ScheduledBy
        """;

    public static readonly string ReadAttendedOfCase = Keyset.PagedNewestFirst($"""
        SELECT {Columns} FROM meetings WHERE case_id = @CaseId AND @AgencyId = ANY(attendees)
        """, "id");

    private const string ReadOne = $"SELECT {Columns} FROM meetings WHERE id = @MeetingId AND case_id = @CaseId";

    private const string ReadActions = """
        SELECT id AS ActionId, meeting_id AS MeetingId, agency_id AS AgencyId, what, due, done_at AS DoneAt
        FROM meeting_actions WHERE meeting_id = ANY(@MeetingIds) ORDER BY position
        """;

    public Guid MeetingId { get; init; }
    public Guid CaseId { get; init; }
    public string Kind { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public string? Place { get; init; }
    public string? OnlineUrl { get; init; }
    public Guid[] Attendees { get; init; } = [];
    public bool YouthInvited { get; init; }
    public string Agenda { get; init; } = "";
    public Guid? HandoffId { get; init; }
    public string[]? Decisions { get; init; }
    public string Status { get; init; } = "";
    public string? MoveNote { get; init; }
    public Guid ScheduledBy { get; init; }

    public bool IsJoint => Kind == MeetingKinds.JointFirstMeeting;

    public bool Attended(Guid agencyId) => Attendees.Contains(agencyId);

    public static async Task<Meeting?> FindAsync(UnitOfWork work, Guid caseId, Guid meetingId, CancellationToken ct) =>
        await work.QuerySingleOrDefaultAsync<Meeting>(ReadOne, new { CaseId = caseId, MeetingId = meetingId }, ct);

    /// <summary>The meetings as their attendees read them, with their actions.</summary>
    public static async Task<IReadOnlyList<MeetingView>> ViewsAsync(UnitOfWork work, IReadOnlyList<Meeting> meetings, CancellationToken ct)
    {
        var actions = (await work.QueryAsync<StoredAction>(ReadActions, new { MeetingIds = meetings.Select(m => m.MeetingId).ToArray() }, ct))
            .ToLookup(a => a.MeetingId);
        return [.. meetings.Select(m => new MeetingView(m.MeetingId, m.Kind, m.At, m.Place, m.OnlineUrl, m.Attendees, m.YouthInvited, m.Agenda,
            m.HandoffId, m.Decisions is null ? null : new MeetingMinutes(m.Decisions, [.. actions[m.MeetingId].Select(a => a.View)]),
            m.Status, m.MoveNote))];
    }

    /// <summary>
    /// For anything about a case's meetings by a worker: a lead or member agency (else 404), the case's notes shared with
    /// it (else 403; the decision is recorded in <paramref name="work"/>, which the caller commits either way).
    /// </summary>
    public static async Task<CaseAccess> AccessAsync(
        UnitOfWork work, Guid caseId, Caller caller, ConsentIndex consents, DateTimeOffset now, CancellationToken ct)
    {
        if (await SupportCase.FindAsync(work, caseId, ct) is not { } found || !found.IsMember(caller, consents))
        {
            return new(null, Problems.NotFound("The case"));
        }
        return await found.IsSharedWithAsync(work, caller, consents, now, ct, DataCategories.CaseNotes)
            ? new(found, null)
            : new(null, SupportCase.NotShared("the notes of their case"));
    }

    private sealed class StoredAction
    {
        public Guid ActionId { get; init; }
        public Guid MeetingId { get; init; }
        public Guid AgencyId { get; init; }
        public string What { get; init; } = "";
        public DateOnly Due { get; init; }
        public DateTimeOffset? DoneAt { get; init; }

        public MeetingActionView View => new() { ActionId = ActionId, AgencyId = AgencyId, What = What, Due = Due, DoneAt = DoneAt };
    }
}
