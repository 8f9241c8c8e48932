using ReferralNet.Insights.Features.Summary;

namespace ReferralNet.Insights.Tests.Features.Summary;

public sealed class DisclosureTests
{
    private readonly Disclosure _k10 = new(10);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(250, false)]
    public void Counts_between_1_and_k_minus_1_are_never_shown(long count, bool suppressed)
    {
        var shown = _k10.Count(count);

        Assert.Equal(suppressed, shown.Suppressed);
        Assert.Equal(suppressed ? null : count, shown.Count);
    }

    [Fact]
    public void A_rate_is_hidden_when_either_of_its_counts_is_suppressed()
    {
        Assert.Null(_k10.Rate(_k10.Count(3), _k10.Count(40)));
        Assert.Null(_k10.Rate(_k10.Count(12), _k10.Count(5)));
        Assert.Equal(0.5, _k10.Rate(_k10.Count(20), _k10.Count(40)));
    }

    [Fact]
    public void Durations_are_shown_only_when_k_of_them_stand_behind_the_percentiles()
    {
        var nine = Enumerable.Range(1, 9).Select(h => TimeSpan.FromHours(h)).ToList();
        var ten = Enumerable.Range(1, 10).Select(h => TimeSpan.FromHours(h)).ToList();

        Assert.Equal(new DisclosedDurations(null, null, true), _k10.Durations(nine));
        Assert.Equal(new DisclosedDurations(5.5, 9.1, false), _k10.Durations(ten));
    }

    [Fact]
    public void No_durations_at_all_are_not_marked_suppressed()
    {
        Assert.Equal(new DisclosedDurations(null, null, false), _k10.Durations([]));
    }
}
