using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Insights.Consumers;

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
    DisclosedCount ConsentsRevoked);

/// <summary>The coordinators' summary of referral flow between two days (inclusive, UTC). Never reveals a person.</summary>
public static class SummaryEndpoint
{
    public static void MapSummary(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/insights/summary", Handle).RequireAuthorization(Policies.Coordinator);

    private static async Task<Results<Ok<SummaryResponse>, ProblemHttpResult>> Handle(
        DateOnly? from, DateOnly? to, Database database, IOptions<DisclosureOptions> options, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = from ?? today.AddDays(-30);
        var last = to ?? today;
        var errors = new ValidationErrors()
            .Check(first <= last, "from", "must not be after 'to'")
            .Check(last.DayNumber - first.DayNumber <= 366 * 5, "to", "the range may span at most five years");
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var range = new { From = first.ToDateTime(TimeOnly.MinValue), To = last.ToDateTime(TimeOnly.MinValue), ToExclusive = last.AddDays(1).ToDateTime(TimeOnly.MinValue) };
        await using var connection = await database.OpenAsync(ct);
        var counts = (await connection.QueryAsync<(string Metric, long Value)>(new CommandDefinition(
            "SELECT metric, SUM(value) FROM daily_counts WHERE day BETWEEN @From AND @To GROUP BY metric", range, cancellationToken: ct)))
            .ToDictionary(c => c.Metric, c => c.Value);
        var timings = (await connection.QueryAsync<(DateTime OfferedAt, DateTime? AcceptedAt, DateTime? ConnectedAt)>(new CommandDefinition(
            """
            SELECT offered_at, accepted_at, connected_at FROM handoff_timings
            WHERE offered_at >= @From AND offered_at < @ToExclusive AND accepted_at IS NOT NULL
            """, range, cancellationToken: ct))).AsList();
        var passes = (await connection.QueryAsync<(int Bucket, long Cases)>(new CommandDefinition(
            """
            SELECT CASE WHEN passes >= 3 THEN 3 ELSE passes END AS bucket, COUNT(*)
            FROM case_passes WHERE opened_on BETWEEN @From AND @To GROUP BY CASE WHEN passes >= 3 THEN 3 ELSE passes END
            """, range, cancellationToken: ct))).ToDictionary(p => p.Bucket, p => p.Cases);

        var k = new Disclosure(options.Value.MinimumCount);
        DisclosedCount Count(string metric) => k.Count(counts.GetValueOrDefault(metric));
        DisclosedCount Cases(int bucket) => k.Count(passes.GetValueOrDefault(bucket));
        var offers = Count(FlowMetric.Offers);
        var accepted = Count(FlowMetric.Accepted);
        var connected = Count(FlowMetric.Connected);

        return TypedResults.Ok(new SummaryResponse(
            first, last, options.Value.MinimumCount,
            Count(FlowMetric.ReferralsOpened), Count(FlowMetric.CasesOpened), Count(FlowMetric.MatchesProposed),
            offers, accepted, Count(FlowMetric.Declined), Count(FlowMetric.Expired), Count(FlowMetric.Withdrawn),
            connected, Count(FlowMetric.Completed),
            k.Rate(accepted, offers), k.Rate(connected, accepted),
            k.Durations(timings.Select(t => t.AcceptedAt!.Value - t.OfferedAt).ToList()),
            k.Durations(timings.Where(t => t.ConnectedAt is not null).Select(t => t.ConnectedAt!.Value - t.OfferedAt).ToList()),
            new PassesPerCase(Cases(0), Cases(1), Cases(2), Cases(3)),
            Count(FlowMetric.Escalations), Count(FlowMetric.ConsentsGranted), Count(FlowMetric.ConsentsRevoked)));
    }
}
