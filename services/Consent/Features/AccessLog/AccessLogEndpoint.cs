namespace ReferralNet.Consent.Features.AccessLog;

/// <summary>
/// One entry: a read of the person's data (<c>kind: read</c>) by an agency (<see cref="AgencyId"/>) or by an auditor
/// (<see cref="Role"/>, no agency), or an event of the young person's sign-in.
/// </summary>
public sealed record AccessLogEntry(
    Guid Id, DateTimeOffset At, string Kind, Guid? AgencyId, string? Role, string Category, string Purpose, string Decision);

/// <summary>Who looked at the young person's data: the person themself (youth token), or an auditor, whose read is logged too.</summary>
public static class AccessLogEndpoint
{
    public static void MapAccessLog(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/persons/{personId:guid}/access-log", Handle).RequirePersonAccess(Policies.AccessLogReader);

    private static async Task<Results<Ok<Page<AccessLogEntry>>, ProblemHttpResult>> Handle(
        Guid personId, Caller caller, Database database, ConsentAuthority authority, int? limit, Guid? cursor, CancellationToken ct)
    {
        if (!caller.IsAuditor && !caller.IsYouth(personId))
        {
            return Problems.NotFound("The person");
        }
        await using var work = await database.BeginAsync(ct);
        var page = (await work.PageAsync<AccessLogRow>(ReadPage, new { PersonId = personId }, limit, cursor, r => r.Id, ct))
            .Select(r => new AccessLogEntry(r.Id, r.At, r.Kind, r.AgencyId, r.Role, r.Category, r.Purpose, r.Decision));
        await authority.RecordReadAsync(work, caller, personId, ConsentRecords.AccessLog, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(page);
    }

    private static readonly string ReadPage = Keyset.Paged("""
        SELECT message_id AS Id, at, kind, agency_id AS AgencyId, role, category, purpose, decision FROM access_log
        WHERE person_id = @PersonId
        """, "message_id");

    private sealed class AccessLogRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string Kind { get; init; } = "";
        public Guid? AgencyId { get; init; }
        public string? Role { get; init; }
        public string Category { get; init; } = "";
        public string Purpose { get; init; } = "";
        public string Decision { get; init; } = "";
    }
}
