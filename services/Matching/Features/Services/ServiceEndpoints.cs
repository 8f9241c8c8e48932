namespace ReferralNet.Matching.Features.Services;

public sealed record ServiceResponse(
    Guid Id, Guid AgencyId, string Name, string Description, IReadOnlyList<string> Needs, IReadOnlyList<string> Modalities,
    int? AgeMin, int? AgeMax, IReadOnlyList<string> Municipalities, IReadOnlyList<string> Languages, string Fee,
    Capacity Capacity, string Status)
{
    public static ServiceResponse From(DirectoryService service)
    {
        var d = service.Description;
        return new(service.Id, d.AgencyId!.Value, d.Name!, d.Description!, d.Needs!, d.Modalities!, d.AgeMin, d.AgeMax,
            d.Municipalities!, d.Languages!, d.Fee!, d.Capacity!, d.Status!);
    }
}

public static class ServiceEndpoints
{
    private const string AgencyExists = "SELECT EXISTS (SELECT 1 FROM agencies WHERE id = @Id)";

    public static void MapServices(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/api/matching/services");
        services.MapPost("", Register).RequireAuthorization(Policies.DirectoryEditor);
        services.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.DirectoryEditor);
        services.MapGet("", List).RequireAuthorization(Policies.Staff);
        services.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff);
    }

    private static async Task<Results<Created<ServiceResponse>, ProblemHttpResult>> Register(
        ServiceDescription request, Caller caller, HttpContext http, Database database, ServiceDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var refusal = await CheckEditableAsync(request, caller, database, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var service = new DirectoryService(Guid.CreateVersion7(), request.Normalised());
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, time.GetUtcNow(), async Task<Creation<ServiceResponse>> (work) =>
        {
            await directory.SaveAsync(work, service, isNew: true, ct);
            return ServiceResponse.From(service);
        }, s => $"/api/matching/services/{s.Id}", ct);
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> Update(
        Guid id, ServiceDescription request, Caller caller, Database database, ServiceDirectory directory, CancellationToken ct)
    {
        var existing = await directory.FindAsync(id, ct);
        if (existing is null || (!caller.IsCoordinator && existing.Description.AgencyId != caller.AgencyId))
        {
            return Problems.NotFound("The service");
        }
        var refusal = await CheckEditableAsync(request, caller, database, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var service = new DirectoryService(id, request.Normalised());
        await using var work = await database.BeginAsync(ct);
        await directory.SaveAsync(work, service, isNew: false, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(ServiceResponse.From(service));
    }

    private static async Task<Ok<Page<ServiceResponse>>> List(
        ServiceDirectory directory, string? need, string? modality, int? limit, Guid? cursor, CancellationToken ct)
    {
        var page = await directory.ListAsync(need, modality, limit, cursor, ct);
        return TypedResults.Ok(page.Select(ServiceResponse.From));
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> Get(Guid id, ServiceDirectory directory, CancellationToken ct)
    {
        var service = await directory.FindAsync(id, ct);
        return service is null ? Problems.NotFound("The service") : TypedResults.Ok(ServiceResponse.From(service));
    }

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
        return agencyExists ? null : new ValidationErrors().Add("agencyId", "is not an agency in the directory").ToProblem();
    }
}
