namespace ReferralNet.Support.Features.Tasks;

/// <summary>One thing the caller's agency has to do about a case's plan, by when: ids and codes only (handoff's shape).</summary>
public sealed record SupportTask([property: CodeList(typeof(TaskKinds))] string Kind, Guid CaseId, string CaseReference, Guid AgencyId, DateTimeOffset DueAt);

public sealed record SupportTasksResponse(IReadOnlyList<SupportTask> Items);

/// <summary>
/// The support service's tasks of the caller's agency (API-v3 §4, §5), oldest first: a review whose day has passed on an
/// open case — for the key person's agency while it is on the team, else the lead —, a follow-up after closing that
/// has fallen due, for the agency that led at closing, each action a meeting gave the agency, from the minutes until it
/// says it is done, a joint first meeting the agency receives to confirm, and a meeting it scheduled that the young
/// person asked to move. The worker's "my work" shows them beside handoff's and intake's.
/// </summary>
public static class TasksEndpoint
{
    public const int MaxTasks = 200;

    private const string ReviewsDue = $"""
        SELECT * FROM (
            SELECT p.case_id AS CaseId, p.next_review_due AS Due, {SupportCase.Lead} AS LeadAgencyId, t.key_person_agency_id AS KeyPersonAgencyId
            FROM plans p JOIN case_persons cp ON cp.case_id = p.case_id LEFT JOIN case_teams t ON t.case_id = p.case_id
            WHERE p.next_review_due < @Today AND cp.closed_at IS NULL) due
        WHERE LeadAgencyId = @AgencyId OR KeyPersonAgencyId = @AgencyId
        ORDER BY Due, CaseId
        LIMIT @MaxTasks
        """;

    private const string FollowUpsDue = """
        SELECT case_id AS CaseId, due_at AS DueAt FROM follow_ups
        WHERE agency_id = @AgencyId AND result IS NULL AND due_at <= @Now
        ORDER BY due_at, case_id
        LIMIT @MaxTasks
        """;

    private const string ActionsOpen = """
        SELECT a.case_id AS CaseId, a.due AS Due FROM meeting_actions a JOIN case_persons cp ON cp.case_id = a.case_id
        WHERE a.agency_id = @AgencyId AND a.done_at IS NULL AND cp.closed_at IS NULL
        ORDER BY a.due, a.case_id
        LIMIT @MaxTasks
        """;

    private const string MeetingsToConfirm = $"""
        SELECT m.case_id AS CaseId, m.at AS DueAt FROM meetings m JOIN accepted_handoffs h ON h.handoff_id = m.handoff_id
        WHERE h.to_agency_id = @AgencyId AND m.status = '{MeetingStatuses.Proposed}' AND h.ended_at IS NULL
        ORDER BY m.at LIMIT @MaxTasks
        """;

    private const string MeetingsToMove = $"""
        SELECT m.case_id AS CaseId, m.at AS DueAt FROM meetings m JOIN case_persons cp ON cp.case_id = m.case_id
        WHERE m.scheduled_by = @AgencyId AND m.status = '{MeetingStatuses.MoveRequested}' AND cp.closed_at IS NULL
        ORDER BY m.at LIMIT @MaxTasks
        """;

    public static void MapTasks(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/support/tasks", HandleAsync).RequirePersonAccess(Policies.Worker)
            .WithName("ListSupportTasks").WithSummary("The support tasks of the caller's agency: reviews due, follow-ups after closing, meeting actions");

    private static async Task<Ok<SupportTasksResponse>> HandleAsync(
        Caller caller, Database database, ConsentIndex participation, IOptions<SupportOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var agency = caller.AgencyId!.Value;
        var reviews = (await database.QueryAsync<ReviewDue>(ReviewsDue, new { AgencyId = agency, Today = options.Value.Today(now), MaxTasks }, ct))
            .Where(r => (r.KeyPersonAgencyId is { } key && participation.TakesPart(r.CaseId, key) ? key : r.LeadAgencyId) == agency)
            .Select(r => new SupportTask(TaskKinds.ReviewDue, r.CaseId, CaseReference.Of(r.CaseId), agency, options.Value.EndOf(r.Due)));
        var followUps = (await database.QueryAsync<CaseDue>(FollowUpsDue, new { AgencyId = agency, Now = now, MaxTasks }, ct))
            .Where(f => participation.TakesPart(f.CaseId, agency))
            .Select(f => new SupportTask(TaskKinds.FollowUp, f.CaseId, CaseReference.Of(f.CaseId), agency, f.DueAt));
        var actions = (await database.QueryAsync<ActionOpen>(ActionsOpen, new { AgencyId = agency, MaxTasks }, ct))
            .Where(a => participation.TakesPart(a.CaseId, agency))
            .Select(a => new SupportTask(TaskKinds.MeetingAction, a.CaseId, CaseReference.Of(a.CaseId), agency, options.Value.EndOf(a.Due)));
        // A meeting's time is settled before the meeting: that is when these are due.
        var toConfirm = (await database.QueryAsync<CaseDue>(MeetingsToConfirm, new { AgencyId = agency, MaxTasks }, ct))
            .Select(m => new SupportTask(TaskKinds.ConfirmMeeting, m.CaseId, CaseReference.Of(m.CaseId), agency, m.DueAt));
        var toMove = (await database.QueryAsync<CaseDue>(MeetingsToMove, new { AgencyId = agency, MaxTasks }, ct))
            .Select(m => new SupportTask(TaskKinds.MoveMeeting, m.CaseId, CaseReference.Of(m.CaseId), agency, m.DueAt));
        return TypedResults.Ok(new SupportTasksResponse([.. reviews.Concat(followUps).Concat(actions).Concat(toConfirm).Concat(toMove)
            .Where(t => participation.TakesPart(t.CaseId, agency)).OrderBy(t => t.DueAt).Take(MaxTasks)]));
    }

    private sealed class ReviewDue
    {
        public Guid CaseId { get; init; }
        public DateOnly Due { get; init; }
        public Guid? LeadAgencyId { get; init; }
        public Guid? KeyPersonAgencyId { get; init; }
    }

    private sealed class ActionOpen
    {
        public Guid CaseId { get; init; }
        public DateOnly Due { get; init; }
    }

    /// <summary>A case and when its task is due: a follow-up, or a meeting whose time waits to be settled.</summary>
    private sealed class CaseDue
    {
        public Guid CaseId { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }
}
