namespace ReferralNet.Handoff.Features.ViewHandoffs;

public sealed record ListHandoffsQuery(string? Direction, string? Status, int? Limit, Guid? Cursor)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .OptionalCode(Direction, HandoffDirections.All, "direction")
        .OptionalCode(Status, HandoffStatuses.All, "status");
}

public static class ViewHandoffsEndpoints
{
    private const string Find = $"SELECT {HandoffRecord.Columns} FROM handoffs WHERE id = @Id";

    private static readonly string ListIncoming = Keyset.Paged($"""
        SELECT {HandoffRecord.Columns} FROM handoffs WHERE to_agency_id = @AgencyId AND (@Status IS NULL OR status = @Status)
        """, "id");

    private static readonly string ListOutgoing = Keyset.Paged($"""
        SELECT {HandoffRecord.Columns} FROM handoffs WHERE from_agency_id = @AgencyId AND (@Status IS NULL OR status = @Status)
        """, "id");

    public static void MapViewHandoffs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/handoffs/{id:guid}", Get).RequirePersonAccess(Policies.Worker)
            .WithName("GetHandoff").WithSummary("One handoff the caller's agency sends or receives");
        app.MapGet("/api/handoffs", List).RequirePersonAccess(Policies.Worker)
            .WithName("ListHandoffs").WithSummary("The handoffs the caller's agency sends or receives");
    }

    /// <summary>404 for agencies outside the handoff; the note as consent permits, the read logged either way.</summary>
    private static async Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> Get(
        Guid id, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var handoff = await work.QuerySingleOrDefaultAsync<HandoffRecord>(Find, new { Id = id }, ct);
        if (handoff is null)
        {
            return Problems.NotFound("The handoff");
        }
        // An agency outside the handoff is decided (and logged as denied) like anyone: then 404.
        var shown = (await consents.RevealAsync(work, caller, [handoff], time.GetUtcNow(), ct))[0];
        await work.CommitAsync(ct);
        return handoff.IsVisibleTo(caller, consents) ? TypedResults.Ok(shown) : Problems.NotFound("The handoff");
    }

    /// <summary>The caller's agency's handoffs: incoming (offered to it) or outgoing (offered by it).</summary>
    private static async Task<Results<Ok<Page<HandoffRecord>>, ProblemHttpResult>> List(
        [AsParameters] ListHandoffsQuery query, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        await using var work = await database.BeginAsync(ct);
        var page = await work.PageAsync<HandoffRecord>(query.Direction == HandoffDirections.Outgoing ? ListOutgoing : ListIncoming,
            new { caller.AgencyId, query.Status }, query.Limit, query.Cursor, h => h.HandoffId, ct);
        var shown = await consents.RevealAsync(work, caller, [.. page.Items.Where(h => h.IsVisibleTo(caller, consents))], time.GetUtcNow(), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(page with { Items = shown });
    }
}
