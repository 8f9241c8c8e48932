using ReferralNet.Insights.Features.Flow;
using ReferralNet.Insights.Features.Summary;

namespace ReferralNet.Insights.Tests.Features.Flow;

public sealed class FlowTableTests
{
    private static readonly Disclosure K10 = new(10);
    private static readonly Guid School1 = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid School2 = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Clinic = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Peers = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    private static AgencyPairFlow Pair(Guid from, Guid to, long offered, string fromKind = "school", string toKind = "clinic") =>
        new() { FromAgencyId = from, ToAgencyId = to, FromKind = fromKind, ToKind = toKind, Offered = offered };

    [Fact]
    public void A_total_is_hidden_when_the_cells_it_hides_add_up_to_less_than_k_and_shown_when_they_reach_k()
    {
        Assert.Equal(new DisclosedCount(null, true), K10.Sum([12, 3]));
        Assert.Equal(new DisclosedCount(null, true), K10.Sum([12, 3, 4]));
        Assert.Equal(new DisclosedCount(30, false), K10.Sum([12, 9, 9]));
        Assert.Equal(new DisclosedCount(22, false), K10.Sum([12, 10, 0]));
        Assert.Equal(new DisclosedCount(null, true), K10.Sum([4, 4]));
    }

    [Fact]
    public void By_agency_each_pair_is_a_cell_and_a_row_with_a_hidden_cell_hides_its_total()
    {
        var (cells, totals) = FlowTable.Build([Pair(School1, Clinic, 12), Pair(School1, Peers, 3)], FlowGroupings.Agency, K10);

        Assert.Equal([12L, null], cells.Select(c => c.Offered.Count));
        Assert.True(totals.From.Single().Offered.Suppressed);
        Assert.Equal([12L, null], totals.To.Select(t => t.Offered.Count));
        Assert.True(totals.Network.Offered.Suppressed);
    }

    [Fact]
    public void By_kind_a_cell_that_would_give_away_a_hidden_agency_pair_is_hidden_too()
    {
        // School 1 → clinic is 12 (shown by agency); with school 2's 3 the kinds' cell would be 15, and 15 - 12 = 3.
        var (cells, _) = FlowTable.Build([Pair(School1, Clinic, 12), Pair(School2, Clinic, 3)], FlowGroupings.AgencyKind, K10);
        var (enough, totals) = FlowTable.Build([Pair(School1, Clinic, 12), Pair(School2, Clinic, 10)], FlowGroupings.AgencyKind, K10);

        Assert.Equal(("school", "clinic", true), (cells.Single().From, cells.Single().To, cells.Single().Offered.Suppressed));
        Assert.Equal(22, enough.Single().Offered.Count);
        Assert.Equal(22, totals.Network.Offered.Count);
    }
}
