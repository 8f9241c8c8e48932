using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;
using Dapper;

namespace ReferralNet.Handoff.Features.ViewHandoffs;

public static class ViewHandoffsEndpoints
{
    private static readonly HashSet<string> Directions = ["incoming", "outgoing"];
    private static readonly HashSet<string> Statuses = ["offered", "accepted", "connected", "completed", "declined", "expired", "withdrawn"];

    public static void MapViewHandoffs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/handoffs/{id:guid}", Get).RequireAuthorization(Policies.Staff);
        app.MapGet("/api/handoffs", List).RequireAuthorization(Policies.Worker);
    }

    private static async Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> Get(Guid id, HttpContext http, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var handoff = await connection.QuerySingleOrDefaultAsync<HandoffRecord>(new CommandDefinition(
            $"SELECT {HandoffRecord.Columns} FROM handoffs WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return handoff is null || !handoff.IsVisibleTo(Caller.From(http.User))
            ? Problems.NotFound("The handoff")
            : TypedResults.Ok(handoff);
    }

    /// <summary>The caller's agency's handoffs: incoming (offered to it) or outgoing (offered by it).</summary>
    private static async Task<Results<Ok<Page<HandoffRecord>>, ProblemHttpResult>> List(
        HttpContext http, Database database, string? direction, string? status, int? limit, Guid? cursor, CancellationToken ct)
    {
        var errors = new ValidationErrors().Code(direction ?? "incoming", Directions, "direction");
        if (status is not null)
        {
            errors.Code(status, Statuses, "status");
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var agencyColumn = direction == "outgoing" ? "from_agency_id" : "to_agency_id";
        var take = Page<HandoffRecord>.Clamp(limit);
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<HandoffRecord>(new CommandDefinition(
            $"""
            SELECT {HandoffRecord.Columns} FROM handoffs
            WHERE {agencyColumn} = @AgencyId AND (@Status IS NULL OR status = @Status) AND (@Cursor IS NULL OR id > @Cursor)
            ORDER BY id
            OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
            """, new { Caller.From(http.User).AgencyId, Status = status, Cursor = cursor, Take = take + 1 }, cancellationToken: ct))).AsList();
        return TypedResults.Ok(Page<HandoffRecord>.Of(rows, take, h => h.HandoffId));
    }
}
