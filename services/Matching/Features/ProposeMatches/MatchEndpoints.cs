namespace ReferralNet.Matching.Features.ProposeMatches;

/// <summary><see cref="Round"/> counts the proposals (one more after each pass); <see cref="Excluded"/> are the services that passed on the case.</summary>
public sealed record MatchesResponse(Guid ReferralId, [property: CodeList(typeof(MatchStatuses))] string Status, IReadOnlyList<RankedService> Candidates, int Round, IReadOnlyList<Guid> Excluded);

/// <summary><c>?wait=</c> seconds to hold the answer until the matches are ready.</summary>
public sealed record MatchesQuery(int? Wait)
{
    public const int MaxWaitSeconds = 20;

    public ValidationErrors Validate() =>
        new ValidationErrors().Check(Wait is null or >= 0 and <= MaxWaitSeconds, "wait", ErrorCodes.OutOfRange, $"must be between 0 and {MaxWaitSeconds} seconds");
}

public static class MatchEndpoints
{
    public static void MapMatches(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/matching/referrals/{referralId:guid}/matches", Get).RequirePersonAccess(Policies.Worker).HeldOpenForChanges()
            .WithName("GetMatches").WithSummary("The services proposed for a referral, ranked; with wait, held until they are ready");

    /// <summary>
    /// 'pending' until the referral's event has been ranked here (a client asks right after submitting); then 'ready'
    /// for the referring agency's workers, 404 for everyone else (a coordinator too: a referral is about a person). With <c>?wait=</c> seconds the
    /// answer is held until the matches are ready or the time is up, so a client need not poll.
    /// </summary>
    private static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> Get(
        Guid referralId, [AsParameters] MatchesQuery query, Caller caller, Database database, MatchesReady ready, TimeProvider time,
        CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var wait = query.Wait;
        var row = await FindAsync(database, referralId, ct);
        if (row is null && wait > 0)
        {
            row = await WaitAsync(database, ready, referralId, TimeSpan.FromSeconds(wait.Value), time, ct);
        }
        if (row is null)
        {
            return TypedResults.Ok(new MatchesResponse(referralId, MatchStatuses.Pending, [], 0, []));
        }
        if (!caller.IsWorkerOf(row.FromAgencyId))
        {
            return Problems.NotFound("The referral");
        }
        return TypedResults.Ok(new MatchesResponse(referralId, MatchStatuses.Ready, row.Candidates, row.Round, row.Excluded));
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

    private const string Find = "SELECT from_agency_id AS FromAgencyId, candidates, round, excluded FROM referral_matches WHERE referral_id = @ReferralId";

    private static Task<MatchRow?> FindAsync(Database database, Guid referralId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<MatchRow>(Find, new { ReferralId = referralId }, ct);

    private sealed class MatchRow
    {
        public Guid FromAgencyId { get; init; }
        public IReadOnlyList<RankedService> Candidates { get; init; } = [];
        public int Round { get; init; }
        public IReadOnlyList<Guid> Excluded { get; init; } = [];
    }
}
