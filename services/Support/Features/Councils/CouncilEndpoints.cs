namespace ReferralNet.Support.Features.Councils;

public sealed record CouncilList(IReadOnlyList<CouncilView> Items);

/// <summary>
/// Statutory councils (API-v3 §5), registered and kept by the network's coordinators: a name, the statute the council
/// meets under, and its member agencies, each recorded as bound by that statute's confidentiality from the day it
/// joined (an agency that leaves is kept as it was, with the day it left).
/// </summary>
public static class CouncilEndpoints
{
    private const string Insert = """
        INSERT INTO councils (id, name, legal_basis, created_by, created_at, updated_at) VALUES (@Id, @Name, @LegalBasis, @UserId, @Now, @Now)
        """;

    private const string Update = "UPDATE councils SET name = @Name, legal_basis = @LegalBasis, updated_at = @Now WHERE id = @Id";

    private const string Join = """
        INSERT INTO council_members (council_id, agency_id, bound_since) SELECT @Id, agency, @Now FROM unnest(@Members) AS agency
        ON CONFLICT (council_id, agency_id) DO UPDATE SET bound_since = EXCLUDED.bound_since, left_at = NULL
        WHERE council_members.left_at IS NOT NULL
        """;

    private const string Leave = """
        UPDATE council_members SET left_at = @Now WHERE council_id = @Id AND left_at IS NULL AND NOT agency_id = ANY(@Members)
        """;

    public static void MapCouncils(this IEndpointRouteBuilder app)
    {
        var councils = app.MapGroup("/api/support/councils").RequireAuthorization(Policies.Coordinator);
        councils.MapPost("", CreateAsync).WithName("RegisterCouncil").WithSummary("A coordinator registers a statutory council and its member agencies");
        councils.MapPut("/{councilId:guid}", WriteAsync).WithName("WriteCouncil").WithSummary("A coordinator changes a council's name, statute or members");
        councils.MapGet("", ListAsync).WithName("ListCouncils").WithSummary("The network's councils and their member agencies");
    }

    private static async Task<Results<Created<CouncilCreated>, ProblemHttpResult>> CreateAsync(
        WriteCouncilRequest request, Caller caller, HttpContext http, Database database, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<CouncilCreated>> (work) =>
        {
            var id = Guid.CreateVersion7();
            await work.ExecuteAsync(Insert, new { Id = id, Name = request.Name!.Trim(), request.LegalBasis, caller.UserId, Now = now }, ct);
            await work.ExecuteAsync(Join, new { Id = id, Members = request.Members!.ToArray(), Now = now }, ct);
            return new CouncilCreated(id);
        }, created => $"/api/support/councils/{created.CouncilId}", ct);
    }

    private static async Task<Results<Ok<CouncilView>, ProblemHttpResult>> WriteAsync(
        Guid councilId, WriteCouncilRequest request, Database database, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var parameters = new { Id = councilId, Name = request.Name!.Trim(), request.LegalBasis, Members = request.Members!.ToArray(), Now = now };
        if (await work.ExecuteAsync(Update, parameters, ct) == 0)
        {
            return Problems.NotFound("The council");
        }
        await work.ExecuteAsync(Leave, parameters, ct);
        await work.ExecuteAsync(Join, parameters, ct);
        var council = (await Council.FindAsync(work, councilId, ct))!;
        await work.CommitAsync(ct);
        return TypedResults.Ok(council);
    }

    private static async Task<Ok<CouncilList>> ListAsync(Database database, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var councils = await Council.AllAsync(work, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new CouncilList(councils));
    }
}
