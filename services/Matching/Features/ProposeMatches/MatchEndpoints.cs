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
    public const int MaxWaitSeconds = 20;

    public static void MapMatches(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/matching/referrals/{referralId:guid}/matches", Get).RequirePersonAccess(Policies.Worker);

    /// <summary>
    /// 'pending' until the referral's event has been ranked here (a client asks right after submitting); then 'ready'
    /// for the referring agency's workers, 404 for everyone else (a coordinator too: a referral is about a person). With <c>?wait=</c> seconds the
    /// answer is held until the matches are ready or the time is up, so a client need not poll.
    /// </summary>
    private static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> Get(
        Guid referralId, int? wait, Caller caller, Database database, MatchesReady ready, TimeProvider time, CancellationToken ct)
    {
        if (wait is < 0 or > MaxWaitSeconds)
        {
            return new ValidationErrors().Add("wait", $"must be between 0 and {MaxWaitSeconds} seconds").ToProblem();
        }
        var row = await FindAsync(database, referralId, ct);
        if (row is null && wait > 0)
        {
            row = await WaitAsync(database, ready, referralId, TimeSpan.FromSeconds(wait.Value), time, ct);
        }
        if (row is null)
        {
            return TypedResults.Ok(new MatchesResponse(referralId, "pending", []));
        }
        if (!caller.IsWorkerOf(row.FromAgencyId))
        {
            return Problems.NotFound("The referral");
        }
        return TypedResults.Ok(new MatchesResponse(referralId, "ready", JsonSerializer.Deserialize<List<RankedService>>(row.Candidates)!));
    }

    private static async Task<MatchRow?> WaitAsync(
        Database database, MatchesReady ready, Guid referralId, TimeSpan wait, TimeProvider time, CancellationToken ct)
    {
        var signal = ready.Signal(referralId);
        var deadline = time.GetUtcNow() + wait;
        try
        {
            // Read again after subscribing: the commit may have happened between the first read and the subscription.
            var row = await FindAsync(database, referralId, ct);
            while (row is null && time.GetUtcNow() < deadline)
            {
                var left = deadline - time.GetUtcNow();
                await Task.WhenAny(signal, Task.Delay(left < MatchesReady.RecheckEvery ? left : MatchesReady.RecheckEvery, time, ct));
                ct.ThrowIfCancellationRequested();
                row = await FindAsync(database, referralId, ct);
            }
            return row;
        }
        finally
        {
            ready.Forget(referralId, signal);
        }
    }

    private static async Task<MatchRow?> FindAsync(Database database, Guid referralId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<MatchRow>(new CommandDefinition(
            "SELECT from_agency_id AS FromAgencyId, candidates FROM referral_matches WHERE referral_id = @ReferralId",
            new { ReferralId = referralId }, cancellationToken: ct));
    }

    private sealed record MatchRow(Guid FromAgencyId, string Candidates);
}
