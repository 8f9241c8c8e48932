using System.Data;
using ReferralNet.Insights.Features.Periods;

namespace ReferralNet.Insights.Features.Summary;

public sealed record PassesPerCase(DisclosedCount Zero, DisclosedCount One, DisclosedCount Two, DisclosedCount ThreeOrMore);

public sealed record FollowUpsByResult(DisclosedCount StillConnected, DisclosedCount NeedsHelpAgain, DisclosedCount NoContact);

/// <summary>How the teams' support plans moved in the period (API-v3 §4): steps forward and back, reviews, follow-ups.</summary>
public sealed record SupportFigures(
    DisclosedCount StepsForward, DisclosedCount StepsBack, DisclosedCount ReviewsOnTime, DisclosedCount ReviewsLate, FollowUpsByResult FollowUps);

/// <summary>A council's support meetings in the period, by the council's id (the directory of councils names it).</summary>
public sealed record CouncilMeetings(Guid CouncilId, DisclosedCount Count);

/// <summary>
/// The meetings around young people in the period (API-v3 §5): case conferences and joint first meetings held, the
/// actions they gave done on time or late, and each council's support meetings.
/// </summary>
public sealed record MeetingFigures(
    DisclosedCount ConferencesHeld, DisclosedCount JointMeetingsHeld, DisclosedCount ActionsOnTime, DisclosedCount ActionsLate,
    IReadOnlyList<CouncilMeetings> SupportMeetings);

public sealed record SummaryResponse(
    string Period,
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
    DisclosedCount StuckHandoffs,
    SupportFigures Support,
    MeetingFigures Meetings);

/// <summary>
/// <c>period</c>: a whole week, month, quarter or year that has ended; without it, the last ended month. A free
/// <c>from</c>/<c>to</c> is refused (422): two overlapping ranges could be subtracted to show a few days.
/// </summary>
public sealed record SummaryQuery(string? Period, string? From, string? To)
{
    public ReportingPeriod PeriodOn(DateOnly today) => ReportingPeriod.Parse(Period) ?? ReportingPeriod.LastEndedMonth(today);

    public ValidationErrors Validate(DateOnly today)
    {
        var period = Period is null ? null : ReportingPeriod.Parse(Period);
        const string wholePeriods = $"is not taken: ask for a period (period=2026-11), {ReportingPeriod.Examples}";
        return new ValidationErrors()
            .Check(From is null, "from", ErrorCodes.NotAllowed, wholePeriods)
            .Check(To is null, "to", ErrorCodes.NotAllowed, wholePeriods)
            .Check(Period is null || period is not null, "period", ErrorCodes.InvalidFormat, $"must be {ReportingPeriod.Examples}")
            .Check(period is null || period.HasEnded(today), "period", ErrorCodes.OutOfRange, "must have ended");
    }
}

/// <summary>
/// The coordinators' summary of referral flow in a whole ended period, and what is open now: escalations not yet
/// resolved, and handoffs handoff escalated for no first contact that are still neither connected nor closed. Every
/// count is disclosed by its cell key (<see cref="Disclosure"/>); it never reveals a person.
/// </summary>
public static class SummaryEndpoint
{
    private const string ReadCounts = """
        SELECT metric, SUM(value) AS Count, SUM(key_sum) % 4294967296 AS Key
        FROM daily_counts WHERE day >= @Start AND day < @EndExclusive GROUP BY metric
        """;

    private const string ReadTimings = """
        SELECT offered_at, accepted_at, connected_at FROM handoff_timings
        WHERE offered_at >= @Start AND offered_at < @EndExclusive AND accepted_at IS NOT NULL
        """;

    // A case's key is its id's; a bucket's is the sum of its cases' keys.
    private const string ReadPasses = """
        SELECT LEAST(passes, 3) AS Bucket, COUNT(*) AS Count, SUM(hashtextextended(case_id::text, 0) & 4294967295) % 4294967296 AS Key
        FROM case_passes WHERE opened_on >= @Start AND opened_on < @EndExclusive GROUP BY LEAST(passes, 3)
        """;

    private const string ReadOpen = """
        SELECT (SELECT COUNT(*) FROM escalations WHERE opened_at IS NOT NULL AND resolved_at IS NULL) AS OpenEscalations,
               (SELECT COALESCE(SUM(hashtextextended(escalation_id::text, 0) & 4294967295), 0) % 4294967296
                FROM escalations WHERE opened_at IS NOT NULL AND resolved_at IS NULL) AS OpenEscalationsKey,
               (SELECT COUNT(*) FROM handoff_timings WHERE stuck_at IS NOT NULL AND connected_at IS NULL AND closed_at IS NULL) AS StuckHandoffs,
               (SELECT COALESCE(SUM(hashtextextended(handoff_id::text, 0) & 4294967295), 0) % 4294967296
                FROM handoff_timings WHERE stuck_at IS NOT NULL AND connected_at IS NULL AND closed_at IS NULL) AS StuckHandoffsKey
        """;

    public static void MapSummary(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/insights/summary", Handle).RequireAuthorization(Policies.Coordinator)
            .WithName("GetSummary").WithSummary("The network's figures for a period: referrals, passes, waits, stuck cases (no person)");

    private static async Task<Results<Ok<SummaryResponse>, ProblemHttpResult>> Handle(
        [AsParameters] SummaryQuery query, Database database, IOptions<DisclosureOptions> options, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (query.Validate(today) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var period = query.PeriodOn(today);
        var range = new { Start = period.Start.ToDateTime(TimeOnly.MinValue), EndExclusive = period.EndExclusive.ToDateTime(TimeOnly.MinValue) };
        // One snapshot, so the counts, timings and passes describe the same moment.
        await using var work = await database.BeginAsync(ct, IsolationLevel.RepeatableRead);
        var counts = (await work.QueryAsync<MetricRow>(ReadCounts, range, ct)).ToDictionary(c => c.Metric, c => new KeyedCount(c.Count, c.Key));
        var timings = (await work.QueryAsync<(DateTime OfferedAt, DateTime? AcceptedAt, DateTime? ConnectedAt)>(ReadTimings, range, ct)).ToList();
        var passes = (await work.QueryAsync<BucketRow>(ReadPasses, range, ct)).ToDictionary(p => p.Bucket, p => new KeyedCount(p.Count, p.Key));
        var open = await work.QuerySingleAsync<OpenRow>(ReadOpen, null, ct);

        var k = new Disclosure(options.Value.MinimumCount);
        DisclosedCount Count(string metric) => k.Count(counts.GetValueOrDefault(metric));
        DisclosedCount Cases(int bucket) => k.Count(passes.GetValueOrDefault(bucket));
        var (offers, accepted, connected) = (Count(FlowMetrics.Offers), Count(FlowMetrics.Accepted), Count(FlowMetrics.Connected));

        return TypedResults.Ok(new SummaryResponse(
            period.Name, period.Start, period.Last, options.Value.MinimumCount,
            Count(FlowMetrics.ReferralsOpened), Count(FlowMetrics.CasesOpened), Count(FlowMetrics.MatchesProposed),
            offers, accepted, Count(FlowMetrics.Declined), Count(FlowMetrics.Expired), Count(FlowMetrics.Withdrawn),
            connected, Count(FlowMetrics.Completed),
            k.Rate(accepted, offers), k.Rate(connected, accepted),
            k.Durations(timings.Select(t => t.AcceptedAt!.Value - t.OfferedAt).ToList()),
            k.Durations(timings.Where(t => t.ConnectedAt is not null).Select(t => t.ConnectedAt!.Value - t.OfferedAt).ToList()),
            new PassesPerCase(Cases(0), Cases(1), Cases(2), Cases(3)),
            Count(FlowMetrics.Escalations), Count(FlowMetrics.ConsentsGranted), Count(FlowMetrics.ConsentsRevoked),
            k.Count(new KeyedCount(open.OpenEscalations, open.OpenEscalationsKey)), k.Count(new KeyedCount(open.StuckHandoffs, open.StuckHandoffsKey)),
            new SupportFigures(Count(FlowMetrics.StepsForward), Count(FlowMetrics.StepsBack), Count(FlowMetrics.ReviewsOnTime), Count(FlowMetrics.ReviewsLate),
                new FollowUpsByResult(Count(FlowMetrics.FollowUps(FollowUpResults.StillConnected)), Count(FlowMetrics.FollowUps(FollowUpResults.NeedsHelpAgain)),
                    Count(FlowMetrics.FollowUps(FollowUpResults.NoContact)))),
            new MeetingFigures(Count(FlowMetrics.ConferencesHeld), Count(FlowMetrics.JointMeetingsHeld),
                Count(FlowMetrics.MeetingActionsOnTime), Count(FlowMetrics.MeetingActionsLate),
                [.. counts.Keys.Where(m => m.StartsWith(FlowMetrics.SupportMeetingsPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                    .Select(m => new CouncilMeetings(Guid.ParseExact(m[FlowMetrics.SupportMeetingsPrefix.Length..], "N"), Count(m)))])));
    }

    private sealed class MetricRow
    {
        public string Metric { get; init; } = "";
        public long Count { get; init; }
        public long Key { get; init; }
    }

    private sealed class BucketRow
    {
        public int Bucket { get; init; }
        public long Count { get; init; }
        public long Key { get; init; }
    }

    private sealed class OpenRow
    {
        public long OpenEscalations { get; init; }
        public long OpenEscalationsKey { get; init; }
        public long StuckHandoffs { get; init; }
        public long StuckHandoffsKey { get; init; }
    }
}
