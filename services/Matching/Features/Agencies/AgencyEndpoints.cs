namespace ReferralNet.Matching.Features.Agencies;

public sealed record RegisterAgencyRequest(string? Name, string? Kind, string? Municipality)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Required(Name, "name", 200)
        .Code(Kind, AgencyKinds.All, "kind")
        .Required(Municipality, "municipality", 100);
}

public sealed record Agency(Guid Id, string Name, string Kind, string Municipality);

public static class AgencyEndpoints
{
    private const string Store = "INSERT INTO agencies (id, name, kind, municipality, created_at) VALUES (@Id, @Name, @Kind, @Municipality, @Now)";

    private const string Find = "SELECT id, name, kind, municipality FROM agencies WHERE id = @Id";

    private static readonly string ListPage = Keyset.Paged("SELECT id, name, kind, municipality FROM agencies WHERE TRUE", "id");

    public static void MapAgencies(this IEndpointRouteBuilder app)
    {
        var agencies = app.MapGroup("/api/matching/agencies");
        agencies.MapPost("", Register).RequireAuthorization(Policies.Coordinator);
        agencies.MapGet("", List).RequireAuthorization(Policies.Staff);
        agencies.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff);
    }

    private static async Task<Results<Created<Agency>, ProblemHttpResult>> Register(
        RegisterAgencyRequest request, Caller caller, HttpContext http, Database database, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var agency = new Agency(Guid.CreateVersion7(), request.Name!.Trim(), request.Kind!, request.Municipality!.Trim());
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<Agency>> (work) =>
        {
            await work.ExecuteAsync(Store, new { agency.Id, agency.Name, agency.Kind, agency.Municipality, Now = now }, ct);
            work.Publish(new AgencyListed(agency.Id, agency.Kind, now));
            return agency;
        }, a => $"/api/matching/agencies/{a.Id}", ct);
    }

    private static async Task<Ok<Page<Agency>>> List(Database database, int? limit, Guid? cursor, CancellationToken ct) =>
        TypedResults.Ok(await database.PageAsync<Agency>(ListPage, null, limit, cursor, a => a.Id, ct));

    private static async Task<Results<Ok<Agency>, ProblemHttpResult>> Get(Guid id, Database database, CancellationToken ct)
    {
        var agency = await database.QuerySingleOrDefaultAsync<Agency>(Find, new { Id = id }, ct);
        return agency is null ? Problems.NotFound("The agency") : TypedResults.Ok(agency);
    }
}
