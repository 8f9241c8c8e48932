using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;

namespace ReferralNet.Handoff.Features.ViewHandoffs;

public static class ViewHandoffsEndpoints
{
    private static readonly HashSet<string> Directions = ["incoming", "outgoing"];
    private static readonly HashSet<string> Statuses = ["offered", "accepted", "connected", "completed", "declined", "expired", "withdrawn"];

    public static void MapViewHandoffs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/handoffs/{id:guid}", Get).RequirePersonAccess(Policies.Worker);
        app.MapGet("/api/handoffs", List).RequirePersonAccess(Policies.Worker);
    }

    /// <summary>404 for agencies outside the handoff; the note as consent permits, the read logged either way.</summary>
    private static async Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> Get(
        Guid id, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var handoff = await work.QuerySingleOrDefaultAsync<HandoffRecord>(
            $"SELECT {HandoffRecord.Columns} FROM handoffs WHERE id = @Id", new { Id = id }, ct);
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
        Caller caller, Database database, ConsentIndex consents, TimeProvider time,
        string? direction, string? status, int? limit, Guid? cursor, CancellationToken ct)
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
        await using var work = await database.BeginAsync(ct);
        var rows = (await work.QueryAsync<HandoffRecord>(
            $"""
            SELECT {HandoffRecord.Columns} FROM handoffs
            WHERE {agencyColumn} = @AgencyId AND (@Status IS NULL OR status = @Status) AND (@Cursor IS NULL OR id > @Cursor)
            ORDER BY id
            OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
            """, new { caller.AgencyId, Status = status, Cursor = cursor, Take = take + 1 }, ct)).ToList();
        var page = Page<HandoffRecord>.Of(rows, take, h => h.HandoffId);
        var shown = await consents.RevealAsync(work, caller, [.. page.Items.Where(h => h.IsVisibleTo(caller, consents))], time.GetUtcNow(), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(page with { Items = shown });
    }
}
