using System.Data;

namespace ReferralNet.Insights.Features.Summary;

public sealed record PassesPerCase(DisclosedCount Zero, DisclosedCount One, DisclosedCount Two, DisclosedCount ThreeOrMore);

public sealed record SummaryResponse(
    DateOnly From,
    DateOnly To,
    int MinimumCount,
    DisclosedCount ReferralsOpened,
    DisclosedCount CasesOpened,
    DisclosedCount MatchesProposed,
    DisclosedCount Offers,
    DisclosedCount Accepted,
    DisclosedCount Declined,
    DisclosedCount Expired,
    DisclosedCount Withdrawn,
    DisclosedCount Connected,
    DisclosedCount Completed,
    double? AcceptanceRate,
    double? LoopClosureRate,
    DisclosedDurations TimeToAccept,
    DisclosedDurations TimeToFirstContact,
    PassesPerCase PassesPerCase,
    DisclosedCount Escalations,
    DisclosedCount ConsentsGranted,
    DisclosedCount ConsentsRevoked,
    DisclosedCount OpenEscalations,
    DisclosedCount StuckHandoffs);

/// <summary>Two days, inclusive (UTC); by default the last thirty.</summary>
public sealed record SummaryQuery(DateOnly? From, DateOnly? To)
{
    public const int MaxDays = 366 * 5;

    public (DateOnly First, DateOnly Last) Range(DateOnly today) => (From ?? today.AddDays(-30), To ?? today);

    public ValidationErrors Validate(DateOnly today)
    {
        var (first, last) = Range(today);
        return new ValidationErrors()
            .Check(first <= last, "from", "must not be after 'to'")
            .Check(last.DayNumber - first.DayNumber <= MaxDays, "to", "the range may span at most five years");
    }
}

/// <summary>
/// The coordinators' summary of referral flow between two days (inclusive, UTC), and what is open now: escalations not
/// yet resolved, and handoffs handoff escalated for no first contact that are still neither connected nor closed.
/// Never reveals a person.
/// </summary>
public static class SummaryEndpoint
{
    private const string ReadCounts = "SELECT metric, SUM(value) FROM daily_counts WHERE day BETWEEN @From AND @To GROUP BY metric";

    private const string ReadTimings = """
        SELECT offered_at, accepted_at, connected_at FROM handoff_timings
        WHERE offered_at >= @From AND offered_at < @ToExclusive AND accepted_at IS NOT NULL
        """;

    private const string ReadPasses = """
        SELECT CASE WHEN passes >= 3 THEN 3 ELSE passes END AS bucket, COUNT(*)
        FROM case_passes WHERE opened_on BETWEEN @From AND @To GROUP BY CASE WHEN passes >= 3 THEN 3 ELSE passes END
        """;

    // The same counts between each two agencies: the flow table shows those, so a network total must not reveal what it hides.
    private const string ReadPairCounts = """
        SELECT metric, SUM(value) AS value FROM flow_counts WHERE day BETWEEN @From AND @To
        GROUP BY metric, from_agency_id, to_agency_id
        """;

    private const string ReadOpen = """
        SELECT (SELECT COUNT(*) FROM escalations WHERE opened_at IS NOT NULL AND resolved_at IS NULL) AS OpenEscalations,
               (SELECT COUNT(*) FROM handoff_timings WHERE stuck_at IS NOT NULL AND connected_at IS NULL AND closed_at IS NULL) AS StuckHandoffs
        """;

    public static void MapSummary(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/insights/summary", Handle).RequireAuthorization(Policies.Coordinator);

    private static async Task<Results<Ok<SummaryResponse>, ProblemHttpResult>> Handle(
        [AsParameters] SummaryQuery query, Database database, IOptions<DisclosureOptions> options, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (query.Validate(today) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var (first, last) = query.Range(today);

        var range = new { From = first.ToDateTime(TimeOnly.MinValue), To = last.ToDateTime(TimeOnly.MinValue), ToExclusive = last.AddDays(1).ToDateTime(TimeOnly.MinValue) };
        // One snapshot, so the counts, timings and passes describe the same moment.
        await using var work = await database.BeginAsync(ct, IsolationLevel.RepeatableRead);
        var counts = (await work.QueryAsync<(string Metric, long Value)>(ReadCounts, range, ct)).ToDictionary(c => c.Metric, c => c.Value);
        var timings = (await work.QueryAsync<(DateTime OfferedAt, DateTime? AcceptedAt, DateTime? ConnectedAt)>(ReadTimings, range, ct)).ToList();
        var passes = (await work.QueryAsync<(int Bucket, long Cases)>(ReadPasses, range, ct)).ToDictionary(p => p.Bucket, p => p.Cases);
        var pairs = (await work.QueryAsync<(string Metric, long Value)>(ReadPairCounts, range, ct)).ToLookup(p => p.Metric, p => p.Value);
        var open = await work.QuerySingleAsync<(long OpenEscalations, long StuckHandoffs)>(ReadOpen, null, ct);

        var k = new Disclosure(options.Value.MinimumCount);
        DisclosedCount Count(string metric) => k.Count(counts.GetValueOrDefault(metric));
        DisclosedCount Flow(string metric, string pairMetric) => k.Count(counts.GetValueOrDefault(metric), pairs[pairMetric]);
        DisclosedCount Cases(int bucket) => k.Count(passes.GetValueOrDefault(bucket));
        var offers = Flow(FlowMetrics.Offers, FlowMetrics.Offers);
        var accepted = Flow(FlowMetrics.Accepted, FlowMetrics.Accepted);
        var connected = Count(FlowMetrics.Connected);

        return TypedResults.Ok(new SummaryResponse(
            first, last, options.Value.MinimumCount,
            Count(FlowMetrics.ReferralsOpened), Count(FlowMetrics.CasesOpened), Count(FlowMetrics.MatchesProposed),
            offers, accepted, Flow(FlowMetrics.Declined, FlowMetrics.Passes), Flow(FlowMetrics.Expired, FlowMetrics.Passes), Count(FlowMetrics.Withdrawn),
            connected, Count(FlowMetrics.Completed),
            k.Rate(accepted, offers), k.Rate(connected, accepted),
            k.Durations(timings.Select(t => t.AcceptedAt!.Value - t.OfferedAt).ToList()),
            k.Durations(timings.Where(t => t.ConnectedAt is not null).Select(t => t.ConnectedAt!.Value - t.OfferedAt).ToList()),
            new PassesPerCase(Cases(0), Cases(1), Cases(2), Cases(3)),
            Count(FlowMetrics.Escalations), Count(FlowMetrics.ConsentsGranted), Count(FlowMetrics.ConsentsRevoked),
            k.Count(open.OpenEscalations), k.Count(open.StuckHandoffs)));
    }
}
