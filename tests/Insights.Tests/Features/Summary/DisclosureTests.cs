using ReferralNet.Insights.Features.Summary;
using ReferralNet.Testing;

namespace ReferralNet.Insights.Tests.Features.Summary;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class DisclosureTests
{
    private readonly Disclosure _k10 = new(10);

    private static KeyedCount Records(int count, string metric = "offers") =>
        KeyedCount.Sum(Enumerable.Range(0, count).Select(_ => new KeyedCount(1, CellKeys.Of(Guid.NewGuid(), metric))));

    [Fact]
    public void No_records_show_0_and_a_perturbed_count_between_1_and_k_minus_1_is_never_shown()
    {
        Assert.Equal(new DisclosedCount(0, false), _k10.Count(default));
        for (var count = 1; count <= 40; count++)
        {
            for (var draw = 0; draw < 200; draw++)
            {
                var records = Records(count);
                var shown = _k10.Count(records);
                var perturbed = Disclosure.Perturbed(records);

                Assert.InRange(perturbed, Math.Max(1, count - 2), count + 2);
                Assert.Equal(perturbed < 10 ? null : perturbed, shown.Count);
                Assert.Equal(perturbed < 10, shown.Suppressed);
            }
        }
    }

    [Fact]
    public void The_same_records_always_show_the_same_figure_in_whatever_order_they_are_summed()
    {
        var records = Enumerable.Range(0, 12).Select(_ => new KeyedCount(1, CellKeys.Of(Guid.NewGuid(), "offers"))).ToList();

        var once = Disclosure.Perturbed(KeyedCount.Sum(records));
        var reversed = Disclosure.Perturbed(KeyedCount.Sum(Enumerable.Reverse(records)));
        var byHalves = Disclosure.Perturbed(KeyedCount.Sum(records.Take(5)) + KeyedCount.Sum(records.Skip(5)));

        Assert.Equal([once, once], new[] { reversed, byHalves });
    }

    [Fact]
    public void The_noise_is_spread_as_its_table_says()
    {
        var noise = Enumerable.Range(0, 20_000).Select(_ => CellKeys.Noise(Records(3).Key)).ToList();
        double Share(int value) => noise.Count(n => n == value) / (double)noise.Count;

        Assert.InRange(Share(0), 0.37, 0.43);
        Assert.InRange(Share(1), 0.18, 0.22);
        Assert.InRange(Share(-1), 0.18, 0.22);
        Assert.InRange(Share(2), 0.08, 0.12);
        Assert.InRange(Share(-2), 0.08, 0.12);
    }

    [Fact]
    public void A_rate_is_hidden_when_either_of_its_counts_is_suppressed()
    {
        var (hidden, forty, twenty) = (new DisclosedCount(null, true), new DisclosedCount(40, false), new DisclosedCount(20, false));

        Assert.Null(_k10.Rate(hidden, forty));
        Assert.Null(_k10.Rate(twenty, hidden));
        Assert.Equal(0.5, _k10.Rate(twenty, forty));
        Assert.Equal(1, _k10.Rate(forty, twenty)); // perturbed, a part may come out above its whole
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
