using ReferralNet.Insights.Features.Flow;
using ReferralNet.Insights.Features.Summary;
using ReferralNet.Testing;

namespace ReferralNet.Insights.Tests.Features.Flow;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class FlowTableTests
{
    private static readonly Disclosure K10 = new(10);
    private static readonly Guid School1 = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid School2 = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Clinic = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Peers = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    private static KeyedCount Offers(int count) =>
        KeyedCount.Sum(Enumerable.Range(0, count).Select(_ => new KeyedCount(1, CellKeys.Of(Guid.NewGuid(), FlowMetrics.Offers))));

    private static AgencyPairFlow Pair(Guid from, Guid to, KeyedCount offered, string fromKind = "school", string toKind = "clinic") =>
        new() { FromAgencyId = from, ToAgencyId = to, FromKind = fromKind, ToKind = toKind, Offered = offered.Count, OfferedKey = offered.Key };

    private static long? Shown(KeyedCount count) => K10.Count(count).Count;

    [Fact]
    public void By_agency_each_pair_is_a_cell_and_every_total_is_disclosed_from_the_records_it_sums()
    {
        var (big, small) = (Offers(40), Offers(3));

        var (cells, totals) = FlowTable.Build([Pair(School1, Clinic, big), Pair(School1, Peers, small)], FlowGroupings.Agency, K10);

        Assert.Equal([Shown(big), null], cells.Select(c => c.Offered.Count));
        Assert.Equal(Shown(big + small), totals.From.Single().Offered.Count);
        Assert.Equal(Shown(big + small), totals.Network.Offered.Count);
        Assert.Equal([Shown(big), null], totals.To.Select(t => t.Offered.Count));
    }

    [Fact]
    public void The_same_records_show_the_same_figure_by_agency_and_by_kind()
    {
        var (one, other) = (Offers(23), Offers(17));
        IReadOnlyList<AgencyPairFlow> pairs = [Pair(School1, Clinic, one), Pair(School2, Peers, other, toKind: "cso")];

        var (byAgency, _) = FlowTable.Build(pairs, FlowGroupings.Agency, K10);
        var (byKind, totals) = FlowTable.Build(pairs, FlowGroupings.AgencyKind, K10);

        Assert.Equal(byAgency.Select(c => c.Offered), byKind.Select(c => c.Offered));
        Assert.Equal(K10.Count(one + other), totals.Network.Offered);
    }
}
