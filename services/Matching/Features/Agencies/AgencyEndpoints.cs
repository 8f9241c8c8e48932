using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Matching.Features.Agencies;

public sealed record RegisterAgencyRequest(string? Name, string? Kind, string? Municipality);

public sealed record Agency(Guid Id, string Name, string Kind, string Municipality);

public static class AgencyEndpoints
{
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
        var errors = new ValidationErrors()
            .Required(request.Name, "name", 200)
            .Code(request.Kind, Vocabulary.AgencyKinds, "kind")
            .Required(request.Municipality, "municipality", 100);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var agency = new Agency(Guid.CreateVersion7(), request.Name!.Trim(), request.Kind!, request.Municipality!.Trim());
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<Agency>> (work) =>
        {
            await work.ExecuteAsync(
                "INSERT INTO agencies (id, name, kind, municipality, created_at) VALUES (@Id, @Name, @Kind, @Municipality, @Now)",
                new { agency.Id, agency.Name, agency.Kind, agency.Municipality, Now = now }, ct);
            return agency;
        }, a => $"/api/matching/agencies/{a.Id}", ct);
    }

    private static async Task<Ok<Page<Agency>>> List(Database database, int? limit, Guid? cursor, CancellationToken ct)
    {
        var take = Page<Agency>.Clamp(limit);
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Agency>(new CommandDefinition(
            """
            SELECT id, name, kind, municipality FROM agencies
            WHERE @Cursor IS NULL OR id > @Cursor
            ORDER BY id
            OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
            """, new { Cursor = cursor, Take = take + 1 }, cancellationToken: ct))).AsList();
        return TypedResults.Ok(Page<Agency>.Of(rows, take, a => a.Id));
    }

    private static async Task<Results<Ok<Agency>, ProblemHttpResult>> Get(Guid id, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var agency = await connection.QuerySingleOrDefaultAsync<Agency>(new CommandDefinition(
            "SELECT id, name, kind, municipality FROM agencies WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return agency is null ? Problems.NotFound("The agency") : TypedResults.Ok(agency);
    }
}
