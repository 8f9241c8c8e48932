using ReferralNet.Matching.Features.Hsds;

namespace ReferralNet.Matching.Features.Services;

/// <summary>
/// A service in v1's words. <see cref="Public"/>: published to young people. <see cref="Unmapped"/>: imported with none of
/// its terms mapped to a need, so it is kept but never proposed until an agency administrator maps them.
/// </summary>
public sealed record ServiceResponse(
    Guid Id, Guid AgencyId, string Name, string Description, IReadOnlyList<string> Needs, IReadOnlyList<string> Modalities,
    int? AgeMin, int? AgeMax, IReadOnlyList<string> Municipalities, IReadOnlyList<string> Languages, string Fee,
    Capacity Capacity, string Status, bool Public, bool Unmapped)
{
    public static ServiceResponse From(DirectoryService service)
    {
        var d = service.Description;
        return new(service.Id, d.AgencyId!.Value, d.Name!, d.Description!, d.Needs!, d.Modalities!, d.AgeMin, d.AgeMax,
            d.Municipalities!, d.Languages!, d.Fee!, d.Capacity!, d.Status!, d.Public ?? false, d.Needs!.Count == 0);
    }
}

/// <summary>The v1 list's filters: a need, a modality, an agency's services, or only the unmapped ones.</summary>
public sealed record ListServicesQuery(string? Need, string? Modality, Guid? AgencyId, bool? Unmapped, int? Limit, Guid? Cursor)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .OptionalCode(Need, Needs.All, "need")
        .OptionalCode(Modality, Modalities.All, "modality");
}

/// <summary>An agency administrator's count of places: free now, in all, and the waiting list when none is free.</summary>
public sealed record CapacityRequest(int? Available, int? Maximum, int? WaitWeeks)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Check(Available is not null, "available", ErrorCodes.Required, "is required")
            .Check(Maximum is not null, "maximum", ErrorCodes.Required, "is required");
        return errors.IsValid ? ToCapacity().Validate(errors, "capacity") : errors;
    }

    public Capacity ToCapacity() => new(Available ?? 0, Maximum ?? 0, WaitWeeks ?? 0);
}

public static class ServiceEndpoints
{
    private const string AgencyExists = "SELECT EXISTS (SELECT 1 FROM agencies WHERE id = @Id)";

    public static void MapServices(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/api/matching/services");
        services.MapPost("", Register).RequireAuthorization(Policies.DirectoryEditor)
            .WithName("RegisterService").WithSummary("Adds a service of an agency to the directory");
        services.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.DirectoryEditor)
            .WithName("UpdateService").WithSummary("Changes a service of the directory");
        services.MapPut("/{id:guid}/capacity", ChangeCapacity).RequireAuthorization(Policies.DirectoryEditor)
            .WithName("ChangeServiceCapacity").WithSummary("Changes how many young people a service can take now");
        services.MapGet("", List).RequireAuthorization(Policies.Staff)
            .WithName("ListServices").WithSummary("The services of the directory");
        services.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff)
            .WithName("GetService").WithSummary("One service of the directory");
    }

    private static async Task<Results<Created<ServiceResponse>, ProblemHttpResult>> Register(
        ServiceDescription request, Caller caller, HttpContext http, Database database, ServiceDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var refusal = await CheckEditableAsync(request, caller, database, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<ServiceResponse>> (work) =>
        {
            await directory.SaveAsync(work, HsdsTranslation.Apply(null, id, request.Normalised(), now), ct);
            return ServiceResponse.From((await directory.FindAsync(work, id, ct))!);
        }, s => $"/api/matching/services/{s.Id}", ct);
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> Update(
        Guid id, ServiceDescription request, Caller caller, Database database, ServiceDirectory directory, CancellationToken ct)
    {
        if (await FindEditableAsync(id, caller, directory, ct) is null)
        {
            return Problems.NotFound("The service");
        }
        var refusal = await CheckEditableAsync(request, caller, database, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        return await ChangeAsync(id, _ => request, database, directory, ct);
    }

    /// <summary>Places change often and alone: the rest of the service is not sent again (nor overwritten by a stale copy).</summary>
    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> ChangeCapacity(
        Guid id, CapacityRequest request, Caller caller, Database database, ServiceDirectory directory, CancellationToken ct)
    {
        if (await FindEditableAsync(id, caller, directory, ct) is null)
        {
            return Problems.NotFound("The service");
        }
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        return await ChangeAsync(id, d => d with { Capacity = request.ToCapacity() }, database, directory, ct);
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, Func<ServiceDescription, ServiceDescription> change, Database database, ServiceDirectory directory, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var changed = await directory.ChangeAsync(work, id, change, ct);
        await work.CommitAsync(ct);
        return changed is null ? Problems.NotFound("The service") : TypedResults.Ok(ServiceResponse.From(changed));
    }

    private static async Task<Results<Ok<Page<ServiceResponse>>, ProblemHttpResult>> List(
        [AsParameters] ListServicesQuery query, ServiceDirectory directory, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var page = await directory.ListAsync(query, ct);
        return TypedResults.Ok(page.Select(ServiceResponse.From));
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> Get(Guid id, ServiceDirectory directory, CancellationToken ct)
    {
        var service = await directory.FindAsync(id, ct);
        return service is null ? Problems.NotFound("The service") : TypedResults.Ok(ServiceResponse.From(service));
    }

    /// <summary>The service, if the caller may change it: a coordinator any, an agency administrator only their agency's.</summary>
    private static async Task<DirectoryService?> FindEditableAsync(Guid id, Caller caller, ServiceDirectory directory, CancellationToken ct) =>
        await directory.FindAsync(id, ct) is { } existing && (caller.IsCoordinator || existing.Description.AgencyId == caller.AgencyId) ? existing : null;

    /// <summary>An agency administrator edits only their own agency's services; the agency must exist.</summary>
    private static async Task<ProblemHttpResult?> CheckEditableAsync(
        ServiceDescription request, Caller caller, Database database, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        if (!caller.IsCoordinator && request.AgencyId != caller.AgencyId)
        {
            return Problems.Forbidden("An agency administrator keeps only their own agency's services.");
        }
        var agencyExists = await database.QuerySingleOrDefaultAsync<bool>(AgencyExists, new { Id = request.AgencyId }, ct);
        return agencyExists ? null : new ValidationErrors().Add("agencyId", ErrorCodes.UnknownValue, "is not an agency in the directory").ToProblem();
    }
}
