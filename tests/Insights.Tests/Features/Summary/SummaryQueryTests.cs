using ReferralNet.Insights.Features.Summary;

namespace ReferralNet.Insights.Tests.Features.Summary;

public sealed class SummaryQueryTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Without_days_the_summary_covers_the_last_thirty()
    {
        Assert.Equal((Today.AddDays(-30), Today), new SummaryQuery(null, null).Range(Today));
        Assert.True(new SummaryQuery(null, null).Validate(Today).IsValid);
    }

    [Fact]
    public void A_range_runs_forwards_and_spans_at_most_five_years()
    {
        Assert.False(new SummaryQuery(Today, Today.AddDays(-1)).Validate(Today).IsValid);
        Assert.True(new SummaryQuery(Today.AddDays(-SummaryQuery.MaxDays), Today).Validate(Today).IsValid);
        Assert.False(new SummaryQuery(Today.AddDays(-SummaryQuery.MaxDays - 1), Today).Validate(Today).IsValid);
    }
}
