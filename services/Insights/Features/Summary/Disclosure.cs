using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Insights.Features.Summary;

public sealed class DisclosureOptions : IOptionsSection
{
    public static string Section => "Insights";

    /// <summary>k: a count between 1 and k-1 is never shown (invariant 5).</summary>
    [Range(1, 1000)]
    public int MinimumCount { get; set; } = 10;
}

/// <summary>A count as a dashboard may show it: the number, or null with suppressed = true when it is between 1 and k-1.</summary>
public sealed record DisclosedCount(long? Count, bool Suppressed);

/// <summary>Hours at the 50th and 90th percentile, shown only when at least k durations stand behind them.</summary>
public sealed record DisclosedDurations(double? P50Hours, double? P90Hours, bool Suppressed);

public sealed class Disclosure(int minimumCount)
{
    public DisclosedCount Count(long count) =>
        Shows(count) ? new DisclosedCount(count, false) : new DisclosedCount(null, true);

    /// <summary>
    /// A sum of counts that are shown elsewhere on their own (flow between two agencies): shown when it may be, and when
    /// what its suppressed parts add up to may be too. Otherwise the sum minus its shown parts would reveal them.
    /// </summary>
    public DisclosedCount Sum(IEnumerable<long> parts)
    {
        var (total, hidden) = (0L, 0L);
        foreach (var part in parts)
        {
            total += part;
            hidden += Shows(part) ? 0 : part;
        }
        return Shows(total) && Shows(hidden) ? new DisclosedCount(total, false) : new DisclosedCount(null, true);
    }

    /// <summary><see cref="Count"/> of a total whose parts between two agencies are <paramref name="parts"/> (see <see cref="Sum"/>).</summary>
    public DisclosedCount Count(long count, IEnumerable<long> parts) =>
        Sum(parts) is { Suppressed: true } hidden ? hidden : Count(count);

    private bool Shows(long count) => count == 0 || count >= minimumCount;

    /// <summary>A ratio is shown only when both of its counts are: otherwise it would let a suppressed count be derived.</summary>
    public double? Rate(DisclosedCount part, DisclosedCount whole) =>
        part.Count is { } p && whole.Count is { } w && w > 0 ? Math.Round((double)p / w, 3) : null;

    public DisclosedDurations Durations(IReadOnlyList<TimeSpan> durations)
    {
        if (durations.Count < minimumCount)
        {
            return new DisclosedDurations(null, null, durations.Count > 0);
        }
        var hours = durations.Select(d => d.TotalHours).Order().ToArray();
        return new DisclosedDurations(Math.Round(Percentile(hours, 0.5), 2), Math.Round(Percentile(hours, 0.9), 2), false);
    }

    /// <summary>Linear interpolation between closest ranks, as PostgreSQL's percentile_cont.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }
}
