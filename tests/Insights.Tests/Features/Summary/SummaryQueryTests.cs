using ReferralNet.Insights.Features.Summary;
using ReferralNet.Testing;

namespace ReferralNet.Insights.Tests.Features.Summary;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class SummaryQueryTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void Without_a_period_the_summary_covers_the_last_ended_month()
    {
        var query = new SummaryQuery(null, null, null);

        Assert.True(query.Validate(Today).IsValid);
        Assert.Equal(("2026-11", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1)),
            (query.PeriodOn(Today).Name, query.PeriodOn(Today).Start, query.PeriodOn(Today).EndExclusive));
    }

    [Fact]
    public void Only_a_whole_period_that_has_ended_is_taken_and_a_free_range_is_refused()
    {
        Assert.True(new SummaryQuery("2026-W48", null, null).Validate(Today).IsValid);
        Assert.True(new SummaryQuery("2026-Q3", null, null).Validate(Today).IsValid);
        Assert.Equal(["period"], new SummaryQuery("2026-W50", null, null).Validate(Today).ToDictionary().Keys);
        Assert.Equal(["period"], new SummaryQuery("2026-12", null, null).Validate(Today).ToDictionary().Keys);
        Assert.Equal(["period"], new SummaryQuery("yesterday", null, null).Validate(Today).ToDictionary().Keys);
        Assert.Equal(["from", "to"], new SummaryQuery(null, "2026-11-01", "2026-11-30").Validate(Today).ToDictionary().Keys);
    }
}
