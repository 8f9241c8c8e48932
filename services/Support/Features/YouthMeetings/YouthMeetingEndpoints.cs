using ReferralNet.Support.Features.Meetings;

namespace ReferralNet.Support.Features.YouthMeetings;

/// <summary>
/// A meeting the young person was invited to: when, where, and what it decided, as the team wrote it; or a council's
/// support meeting about them: when, which council under which statute, and which agencies attended (never its minutes).
/// </summary>
public sealed record YouthMeeting
{
    public Guid MeetingId { get; init; }
    [CodeList(typeof(MeetingKinds))]
    public string Kind { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public string? Place { get; init; }
    public string? OnlineUrl { get; init; }
    public string[] Decisions { get; init; } = [];
    [CodeList(typeof(MeetingStatuses))]
    public string Status { get; init; } = "";
    public string? Council { get; init; }
    [CodeList(typeof(LegalBases))]
    public string? LegalBasis { get; init; }
    public Guid[]? Attendees { get; init; }
}

public sealed record YouthMeetings(IReadOnlyList<YouthMeeting> Items);

/// <summary>
/// The young person's meetings (API-v3 §5): those of their cases they were invited to, soonest first among those to
/// come and then the latest held, with the decisions once written. A meeting they were not invited to is not listed;
/// a council's support meeting about them is, without its minutes: they learn they were discussed, and by whom.
/// They may ask to move one that is still to come (their full sign-in: a credential waiting after a reset only looks);
/// the agency that scheduled it then has a task to give it another time.
/// </summary>
public static class YouthMeetingEndpoints
{
    public const int MaxMeetings = 100;

    private const string Invited = $$"""
        SELECT * FROM (
            SELECT m.id AS MeetingId, m.kind, m.at, m.place, m.online_url AS OnlineUrl, COALESCE(m.decisions, '{}') AS Decisions, m.status,
                   NULL AS Council, NULL AS LegalBasis, NULL::uuid[] AS Attendees
            FROM meetings m JOIN case_persons cp ON cp.case_id = m.case_id
            WHERE cp.person_id = @PersonId AND m.youth_invited
            UNION ALL
            SELECT cm.id, '{{MeetingKinds.SupportMeeting}}', cm.at, NULL, NULL, '{}', '{{MeetingStatuses.Scheduled}}', c.name, c.legal_basis, cm.attendees
            FROM council_meetings cm JOIN councils c ON c.id = cm.council_id JOIN case_persons cp ON cp.case_id = cm.case_id
            WHERE cp.person_id = @PersonId) about
        ORDER BY at < @Now, CASE WHEN at >= @Now THEN at END, at DESC
        LIMIT @MaxMeetings
        """;

    private const string AskToMove = """
        UPDATE meetings m SET status = @MoveRequested, move_requested_at = @Now, move_note = @Note
        FROM case_persons cp
        WHERE m.id = @MeetingId AND cp.case_id = m.case_id AND cp.person_id = @PersonId AND m.youth_invited AND m.at > @Now
            AND cp.closed_at IS NULL
        """;

    public static void MapYouthMeetings(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/support/me/meetings");
        mine.MapGet("", ListAsync).RequireAuthorization(Policies.Youth)
            .WithName("ListMyMeetings").WithSummary("The meetings the young person was invited to, and what they decided");
        mine.MapPost("/{meetingId:guid}/move-request", AskToMoveAsync).RequirePersonAccess(Policies.Youth)
            .WithName("AskToMoveMyMeeting").WithSummary("The young person asks for another time for a meeting they are invited to");
    }

    private static async Task<Results<Ok<YouthMeetings>, ProblemHttpResult>> AskToMoveAsync(
        Guid meetingId, MoveRequest request, Caller caller, Database database, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        if (caller.IsLimitedYouth)
        {
            return Caller.Limited();
        }
        var asked = await database.ExecuteAsync(AskToMove, new
        {
            MeetingId = meetingId, PersonId = caller.PersonId!.Value, Now = now, MeetingStatuses.MoveRequested,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        }, ct);
        return asked == 0 ? Problems.NotFound("A meeting still to come that you are invited to") : await ListAsync(caller, database, time, ct);
    }

    private static async Task<Ok<YouthMeetings>> ListAsync(Caller caller, Database database, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(new YouthMeetings([.. await database.QueryAsync<YouthMeeting>(Invited,
            new { PersonId = caller.PersonId!.Value, Now = time.GetUtcNow(), MaxMeetings }, ct)]));
}
