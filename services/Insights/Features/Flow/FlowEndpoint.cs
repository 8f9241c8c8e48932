using ReferralNet.Insights.Features.Periods;
using ReferralNet.Insights.Features.Summary;

namespace ReferralNet.Insights.Features.Flow;

/// <summary><c>period</c>: a whole week, month, quarter or year that has ended; <c>by</c>: agency-kind (default) or agency.</summary>
public sealed record FlowQuery(string? Period, string? By)
{
    public string Grouping => By ?? FlowGroupings.AgencyKind;

    public ValidationErrors Validate(DateOnly today)
    {
        var period = ReportingPeriod.Parse(Period);
        return new ValidationErrors()
            .Check(period is not null, "period", ErrorCodes.InvalidFormat, $"must be {ReportingPeriod.Examples}")
            .Check(period is null || period.HasEnded(today), "period", ErrorCodes.OutOfRange, "must have ended")
            .OptionalCode(By, FlowGroupings.All, "by");
    }
}

public sealed record FlowResponse(
    string Period, DateOnly From, DateOnly To, string By, int MinimumCount, IReadOnlyList<FlowCell> Cells, FlowTotals Totals);

/// <summary>Offers, accepts and passes between agencies (or agency kinds) in a whole ended period, for coordinators.</summary>
public static class FlowEndpoint
{
    private const string ReadPairs = $"""
        SELECT f.from_agency_id AS FromAgencyId, f.to_agency_id AS ToAgencyId,
               COALESCE(fa.kind, '{AgencyKinds.Unlisted}') AS FromKind, COALESCE(ta.kind, '{AgencyKinds.Unlisted}') AS ToKind,
               COALESCE(SUM(f.value) FILTER (WHERE f.metric = '{FlowMetrics.Offers}'), 0) AS Offered,
               COALESCE(SUM(f.key_sum) FILTER (WHERE f.metric = '{FlowMetrics.Offers}'), 0) % 4294967296 AS OfferedKey,
               COALESCE(SUM(f.value) FILTER (WHERE f.metric = '{FlowMetrics.Accepted}'), 0) AS Accepted,
               COALESCE(SUM(f.key_sum) FILTER (WHERE f.metric = '{FlowMetrics.Accepted}'), 0) % 4294967296 AS AcceptedKey,
               COALESCE(SUM(f.value) FILTER (WHERE f.metric = '{FlowMetrics.Passes}'), 0) AS Passed,
               COALESCE(SUM(f.key_sum) FILTER (WHERE f.metric = '{FlowMetrics.Passes}'), 0) % 4294967296 AS PassedKey
        FROM flow_counts f
        LEFT JOIN agencies fa ON fa.agency_id = f.from_agency_id
        LEFT JOIN agencies ta ON ta.agency_id = f.to_agency_id
        WHERE f.day >= @Start AND f.day < @EndExclusive
        GROUP BY f.from_agency_id, f.to_agency_id, fa.kind, ta.kind
        """;

    public static void MapFlow(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/insights/flow", Handle).RequireAuthorization(Policies.Coordinator)
            .WithName("GetFlow").WithSummary("Referrals between kinds of agency per period, as published figures (no person)");

    private static async Task<Results<Ok<FlowResponse>, ProblemHttpResult>> Handle(
        [AsParameters] FlowQuery query, Database database, IOptions<DisclosureOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (query.Validate(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var period = ReportingPeriod.Parse(query.Period)!;
        var pairs = await database.QueryAsync<AgencyPairFlow>(ReadPairs,
            new { Start = period.Start.ToDateTime(TimeOnly.MinValue), EndExclusive = period.EndExclusive.ToDateTime(TimeOnly.MinValue) }, ct);
        var (cells, totals) = FlowTable.Build(pairs, query.Grouping, new Disclosure(options.Value.MinimumCount));
        return TypedResults.Ok(new FlowResponse(period.Name, period.Start, period.Last, query.Grouping, options.Value.MinimumCount, cells, totals));
    }
}
