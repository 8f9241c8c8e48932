namespace ReferralNet.Support.Features.YouthMeetings;

/// <summary>A meeting the young person was invited to: when, where, and what it decided, as the team wrote it.</summary>
public sealed record YouthMeeting
{
    public Guid MeetingId { get; init; }
    [CodeList(typeof(MeetingKinds))]
    public string Kind { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public string? Place { get; init; }
    public string? OnlineUrl { get; init; }
    public string[] Decisions { get; init; } = [];
}

public sealed record YouthMeetings(IReadOnlyList<YouthMeeting> Items);

/// <summary>
/// The young person's meetings (API-v3 §5): those of their cases they were invited to, soonest first among those to
/// come and then the latest held, with the decisions once written. A meeting they were not invited to is not listed.
/// </summary>
public static class YouthMeetingEndpoints
{
    public const int MaxMeetings = 100;

    private const string Invited = """
        SELECT m.id AS MeetingId, m.kind, m.at, m.place, m.online_url AS OnlineUrl, COALESCE(m.decisions, '{}') AS Decisions
        FROM meetings m JOIN case_persons cp ON cp.case_id = m.case_id
        WHERE cp.person_id = @PersonId AND m.youth_invited
        ORDER BY m.at < @Now, CASE WHEN m.at >= @Now THEN m.at END, m.at DESC
        LIMIT @MaxMeetings
        """;

    public static void MapYouthMeetings(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/support/me/meetings", ListAsync).RequireAuthorization(Policies.Youth)
            .WithName("ListMyMeetings").WithSummary("The meetings the young person was invited to, and what they decided");

    private static async Task<Ok<YouthMeetings>> ListAsync(Caller caller, Database database, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(new YouthMeetings([.. await database.QueryAsync<YouthMeeting>(Invited,
            new { PersonId = caller.PersonId!.Value, Now = time.GetUtcNow(), MaxMeetings }, ct)]));
}
