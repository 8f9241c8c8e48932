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

/// <summary>
/// A count and its cell key: the sum, modulo 2^32, of the keys of the records behind it (<see cref="CellKeys"/>). The
/// same records give the same key in whatever query they are counted.
/// </summary>
public readonly record struct KeyedCount(long Count, long Key)
{
    public static KeyedCount operator +(KeyedCount a, KeyedCount b) => new(a.Count + b.Count, CellKeys.Add(a.Key, b.Key));

    public static KeyedCount Sum(IEnumerable<KeyedCount> counts) => counts.Aggregate(default(KeyedCount), (a, b) => a + b);
}

/// <summary>
/// Invariant 5 for every figure a coordinator may read, in any period and grouping: the cell-key method (as statistical
/// offices publish dynamic tables), then the k rule on the perturbed value. A count of records is moved by a small noise
/// (−2 to +2) that its cell key decides, so the same records always show the same figure (asking again, or in another
/// query that counts exactly them, averages nothing away), and no sum or difference of figures — a month minus its
/// weeks, a total minus its rows — gives a count exactly; then a perturbed count between 1 and k-1 is not shown at all.
/// A count of no records is 0, shown as such (there is nobody behind it).
/// </summary>
public sealed class Disclosure(int minimumCount)
{
    public DisclosedCount Count(KeyedCount count) => Shown(Perturbed(count)) is { } shown ? new DisclosedCount(shown, false) : new DisclosedCount(null, true);

    /// <summary>The count as published before the k rule: never 0 when records stand behind it.</summary>
    public static long Perturbed(KeyedCount count) => count.Count <= 0 ? 0 : Math.Max(1, count.Count + CellKeys.Noise(count.Key));

    private long? Shown(long perturbed) => perturbed == 0 || perturbed >= minimumCount ? perturbed : null;

    /// <summary>A ratio is shown only when both of its counts are: otherwise it would let a suppressed count be derived.</summary>
    public double? Rate(DisclosedCount part, DisclosedCount whole) =>
        part.Count is { } p && whole.Count is { } w && w > 0 ? Math.Round((double)Math.Min(p, w) / w, 3) : null;

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

/// <summary>
/// Record keys and cell keys: each counted record (an event, a case, an escalation) has a fixed key in [0, 2^32), from
/// its id and what it counts for; a cell's key is the sum of its records' keys modulo 2^32 (stored summed beside each
/// day's count, so any period's cell key is a sum too), which is uniform however many records it holds. The noise is
/// read from the key's place in [0, 1): −2 (10 %), −1 (20 %), 0 (40 %), +1 (20 %), +2 (10 %).
/// </summary>
public static class CellKeys
{
    public const long Modulus = 1L << 32;

    public static long Add(long a, long b) => (a + b) % Modulus;

    /// <summary>A record's key: FNV-1a over its id and the metric it is counted for (the same record counts apart per metric).</summary>
    public static long Of(Guid record, string metric)
    {
        var hash = 2166136261u;
        foreach (var b in record.ToByteArray())
        {
            hash = (hash ^ b) * 16777619u;
        }
        foreach (var c in metric)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }

    public static int Noise(long key) => ((double)(key % Modulus) / Modulus) switch
    {
        < 0.1 => -2,
        < 0.3 => -1,
        < 0.7 => 0,
        < 0.9 => 1,
        _ => 2,
    };
}
