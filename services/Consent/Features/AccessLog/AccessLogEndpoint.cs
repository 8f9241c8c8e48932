namespace ReferralNet.Consent.Features.AccessLog;

/// <summary>
/// One entry: a read of the person's data (<c>kind: read</c>) by an agency (<see cref="AgencyId"/>) or by an auditor
/// (<see cref="Role"/>, no agency), or an event of the young person's sign-in.
/// </summary>
public sealed record AccessLogEntry(
    Guid Id, DateTimeOffset At, string Kind, Guid? AgencyId, string? Role, string Category, string Purpose, string Decision);

public sealed record AccessLogQuery(int? Limit, Guid? Cursor, string? Order)
{
    public bool NewestFirst => Order == ListOrders.Newest;

    public ValidationErrors Validate() => new ValidationErrors()
        .Check(Order is null || ListOrders.All.Contains(Order), "order", ErrorCodes.UnknownValue, $"must be {ListOrders.Oldest} or {ListOrders.Newest}");
}

/// <summary>
/// Who looked at the young person's data: the person themself (youth token), or an auditor, whose read is logged too.
/// Oldest first, or newest first (<c>order=newest</c>) for a page that shows the latest.
/// </summary>
public static class AccessLogEndpoint
{
    public static void MapAccessLog(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/persons/{personId:guid}/access-log", Handle).RequirePersonAccess(Policies.AccessLogReader)
            .WithName("ReadAccessLog").WithSummary("Who looked at the young person's record or acted on their credential, and when");

    private static async Task<Results<Ok<Page<AccessLogEntry>>, ProblemHttpResult>> Handle(
        Guid personId, [AsParameters] AccessLogQuery query, Caller caller, Database database, ConsentAuthority authority, CancellationToken ct)
    {
        if (!caller.IsAuditor && !caller.IsYouth(personId))
        {
            return Problems.NotFound("The person");
        }
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        await using var work = await database.BeginAsync(ct);
        var page = (await work.PageAsync<AccessLogRow>(query.NewestFirst ? ReadLatest : ReadPage, new { PersonId = personId }, query.Limit, query.Cursor, r => r.Id, ct))
            .Select(r => new AccessLogEntry(r.Id, r.At, r.Kind, r.AgencyId, r.Role, r.Category, r.Purpose, r.Decision));
        await authority.RecordReadAsync(work, caller, personId, ConsentRecords.AccessLog, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(page);
    }

    private const string Entries = """
        SELECT message_id AS Id, at, kind, agency_id AS AgencyId, role, category, purpose, decision FROM access_log
        WHERE person_id = @PersonId
        """;

    private static readonly string ReadPage = Keyset.Paged(Entries, "message_id");

    private static readonly string ReadLatest = Keyset.PagedNewestFirst(Entries, "message_id");

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
