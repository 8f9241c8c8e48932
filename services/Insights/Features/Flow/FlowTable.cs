using ReferralNet.Insights.Features.Summary;

namespace ReferralNet.Insights.Features.Flow;

/// <summary>What insights counted between two agencies in a period, with each count's cell key: the finest figures it holds.</summary>
public sealed record AgencyPairFlow
{
    public Guid FromAgencyId { get; init; }
    public Guid ToAgencyId { get; init; }
    public string FromKind { get; init; } = AgencyKinds.Unlisted;
    public string ToKind { get; init; } = AgencyKinds.Unlisted;
    public long Offered { get; init; }
    public long OfferedKey { get; init; }
    public long Accepted { get; init; }
    public long AcceptedKey { get; init; }
    public long Passed { get; init; }
    public long PassedKey { get; init; }
}

public sealed record FlowCell(string From, string To, DisclosedCount Offered, DisclosedCount Accepted, DisclosedCount Passed);

public sealed record FlowTotal(string Group, DisclosedCount Offered, DisclosedCount Accepted, DisclosedCount Passed);

public sealed record FlowFigures(DisclosedCount Offered, DisclosedCount Accepted, DisclosedCount Passed);

/// <summary>Totals of the rows (by sender), of the columns (by receiver), and of the whole network.</summary>
public sealed record FlowTotals(IReadOnlyList<FlowTotal> From, IReadOnlyList<FlowTotal> To, FlowFigures Network);

/// <summary>
/// The flow table: agency pairs grouped by agency or by kind, with row, column and network totals. Every figure is the
/// count of the pairs it sums, with their cell keys summed, disclosed by <see cref="Disclosure"/>: perturbed by its
/// key, then never 1..k-1. Hiding a cell needs no total hidden with it: the noise leaves no exact difference.
/// </summary>
public static class FlowTable
{
    public static (IReadOnlyList<FlowCell> Cells, FlowTotals Totals) Build(IReadOnlyList<AgencyPairFlow> pairs, string by, Disclosure k)
    {
        Func<AgencyPairFlow, string> from = by == FlowGroupings.Agency ? p => p.FromAgencyId.ToString() : p => p.FromKind;
        Func<AgencyPairFlow, string> to = by == FlowGroupings.Agency ? p => p.ToAgencyId.ToString() : p => p.ToKind;
        FlowFigures Figures(IEnumerable<AgencyPairFlow> group)
        {
            var parts = group.ToList();
            return new(
                k.Count(KeyedCount.Sum(parts.Select(p => new KeyedCount(p.Offered, p.OfferedKey)))),
                k.Count(KeyedCount.Sum(parts.Select(p => new KeyedCount(p.Accepted, p.AcceptedKey)))),
                k.Count(KeyedCount.Sum(parts.Select(p => new KeyedCount(p.Passed, p.PassedKey)))));
        }
        FlowTotal Total(IGrouping<string, AgencyPairFlow> group)
        {
            var f = Figures(group);
            return new FlowTotal(group.Key, f.Offered, f.Accepted, f.Passed);
        }
        IReadOnlyList<FlowTotal> Totals(Func<AgencyPairFlow, string> side) =>
            [.. pairs.GroupBy(side).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Total)];

        var cells = pairs.GroupBy(p => (From: from(p), To: to(p)))
            .OrderBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal)
            .Select(g =>
            {
                var f = Figures(g);
                return new FlowCell(g.Key.From, g.Key.To, f.Offered, f.Accepted, f.Passed);
            })
            .ToList();
        return (cells, new FlowTotals(Totals(from), Totals(to), Figures(pairs)));
    }
}
