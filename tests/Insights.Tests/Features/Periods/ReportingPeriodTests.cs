using ReferralNet.Insights.Features.Flow;
using ReferralNet.Insights.Features.Periods;
using ReferralNet.Testing;

namespace ReferralNet.Insights.Tests.Features.Periods;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-W48", "2026-11-23", "2026-11-30")]
    [InlineData("2026-W53", "2026-12-28", "2027-01-04")]
    [InlineData("2027-W01", "2027-01-04", "2027-01-11")]
    [InlineData("2026-11", "2026-11-01", "2026-12-01")]
    [InlineData("2026-Q4", "2026-10-01", "2027-01-01")]
    [InlineData("2026-Q1", "2026-01-01", "2026-04-01")]
    [InlineData("2026", "2026-01-01", "2027-01-01")]
    public void A_period_is_a_whole_iso_week_month_quarter_or_year(string name, string start, string endExclusive)
    {
        var period = ReportingPeriod.Parse(name)!;

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(endExclusive)), (period.Start, period.EndExclusive));
    }

    [Theory]
    [InlineData("2027-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-11-01")]
    [InlineData("W48")]
    [InlineData("last-month")]
    public void Anything_else_is_not_a_period(string name) => Assert.Null(ReportingPeriod.Parse(name));

    [Fact]
    public void Only_a_period_that_has_ended_may_be_read()
    {
        var today = new DateOnly(2026, 12, 1);

        Assert.True(new FlowQuery("2026-11", FlowGroupings.Agency).Validate(today).IsValid);
        Assert.True(new FlowQuery("2026-W48", null).Validate(today).IsValid);
        Assert.False(new FlowQuery("2026-W49", null).Validate(today).IsValid);
        Assert.False(new FlowQuery("2026-Q4", null).Validate(today).IsValid);
        Assert.False(new FlowQuery("2026", null).Validate(today).IsValid);
        Assert.False(new FlowQuery("2026-11", "person").Validate(today).IsValid);
        Assert.Equal("2026-11", ReportingPeriod.LastEndedMonth(today).Name);
    }
}
