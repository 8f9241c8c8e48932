using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;

namespace ReferralNet.Matching.Features.ProposeMatches;

public sealed record MatchesResponse(Guid ReferralId, string Status, IReadOnlyList<RankedService> Candidates);

public static class MatchEndpoints
{
    public static void MapMatches(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/matching/referrals/{referralId:guid}/matches", Get).RequireAuthorization(Policies.Staff);

    /// <summary>
    /// 'pending' until the referral's event has been ranked here (a client polls right after submitting); then 'ready'
    /// for the referring agency's workers and coordinators, 404 for everyone else.
    /// </summary>
    private static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> Get(
        Guid referralId, HttpContext http, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<MatchRow>(new CommandDefinition(
            "SELECT from_agency_id AS FromAgencyId, candidates FROM referral_matches WHERE referral_id = @ReferralId",
            new { ReferralId = referralId }, cancellationToken: ct));
        if (row is null)
        {
            return TypedResults.Ok(new MatchesResponse(referralId, "pending", []));
        }
        var caller = Caller.From(http.User);
        if (!caller.IsCoordinator && !caller.IsWorkerOf(row.FromAgencyId))
        {
            return Problems.NotFound("The referral");
        }
        return TypedResults.Ok(new MatchesResponse(referralId, "ready", JsonSerializer.Deserialize<List<RankedService>>(row.Candidates)!));
    }

    private sealed record MatchRow(Guid FromAgencyId, string Candidates);
}
