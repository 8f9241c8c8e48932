using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.Agencies;

/// <summary>An agency entered by a coordinator; <see cref="Description"/> is its HSDS organization's (optional here).</summary>
public sealed record RegisterAgencyRequest(string? Name, [property: CodeList(typeof(AgencyKinds))] string? Kind, string? Municipality, string? Description = null)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Required(Name, "name", ServiceDescription.MaxNameLength)
        .Code(Kind, AgencyKinds.All, "kind")
        .Municipality(Municipality, "municipality")
        .Check((Description?.Length ?? 0) <= ServiceDescription.MaxDescriptionLength, "description", ErrorCodes.OutOfRange,
            $"must be at most {ServiceDescription.MaxDescriptionLength} characters");
}

public sealed record Agency(Guid Id, string Name, [property: CodeList(typeof(AgencyKinds))] string Kind, string Municipality);

public static class AgencyEndpoints
{
    private const string Find = "SELECT id, name, kind, municipality FROM agencies WHERE id = @Id";

    private static readonly string ListPage = Keyset.Paged("SELECT id, name, kind, municipality FROM agencies WHERE TRUE", "id");

    public static void MapAgencies(this IEndpointRouteBuilder app)
    {
        var agencies = app.MapGroup("/api/matching/agencies");
        agencies.MapPost("", Register).RequireAuthorization(Policies.Coordinator)
            .WithName("RegisterAgency").WithSummary("Registers an agency of the network");
        agencies.MapGet("", List).RequireAuthorization(Policies.Staff)
            .WithName("ListAgencies").WithSummary("The agencies of the network");
        agencies.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff)
            .WithName("GetAgency").WithSummary("One agency of the network");
    }

    private static async Task<Results<Created<Agency>, ProblemHttpResult>> Register(
        RegisterAgencyRequest request, Caller caller, HttpContext http, Database database, AgencyDirectory agencies, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var agency = new Agency(Guid.CreateVersion7(), request.Name!.Trim(), request.Kind!, MunicipalityRegister.Japan.CodeOf(request.Municipality)!);
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<Agency>> (work) =>
        {
            await agencies.SaveAsync(work, HsdsTranslation.Apply(null, agency, request.Description?.Trim()), ct);
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
