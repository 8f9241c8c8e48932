using ReferralNet.Insights.Features.Flow;

namespace ReferralNet.Insights.Tests.Features.Flow;

public sealed class FlowPeriodTests
{
    [Theory]
    [InlineData("2026-W48", "2026-11-23", "2026-11-30")]
    [InlineData("2026-W53", "2026-12-28", "2027-01-04")]
    [InlineData("2027-W01", "2027-01-04", "2027-01-11")]
    [InlineData("2026-11", "2026-11-01", "2026-12-01")]
    [InlineData("2028-02", "2028-02-01", "2028-03-01")]
    public void A_period_is_a_whole_iso_week_or_month(string name, string start, string endExclusive)
    {
        var period = FlowPeriod.Parse(name)!;

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(endExclusive)), (period.Start, period.EndExclusive));
    }

    [Theory]
    [InlineData("2027-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-00")]
    [InlineData("2026-13")]
    [InlineData("2026-11-01")]
    [InlineData("W48")]
    [InlineData("")]
    public void Anything_else_is_not_a_period(string name) => Assert.Null(FlowPeriod.Parse(name));

    [Fact]
    public void Only_a_period_that_has_ended_may_be_read()
    {
        var today = new DateOnly(2026, 12, 1);

        Assert.True(new FlowQuery("2026-11", null).Validate(today).IsValid);
        Assert.False(new FlowQuery("2026-12", null).Validate(today).IsValid);
        Assert.True(new FlowQuery("2026-W48", FlowGroupings.Agency).Validate(today).IsValid);
        Assert.False(new FlowQuery("2026-W49", null).Validate(today).IsValid);
        Assert.False(new FlowQuery("2026-W48", "person").Validate(today).IsValid);
    }
}
