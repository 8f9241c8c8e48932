using System.Diagnostics;

namespace ReferralNet.Demo;

/// <summary>What every benchmark here shares: percentiles, and a baseline of plain gateway round trips in the same process.</summary>
public static class Measure
{
    public static async Task<List<double>> BaselineAsync(GatewayClient gateway, int calls = 300)
    {
        var baseline = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            (await gateway.Anonymous.GetAsync("/health/live")).EnsureSuccessStatusCode();
            baseline.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return baseline;
    }

    public static void ReportBaseline(List<double> baseline, List<double> post)
    {
        var baselineP50 = Percentile(baseline, 0.5);
        Console.WriteLine($"  baseline GET /health/live     : p50 {baselineP50:0.00} ms, p99 {Percentile(baseline, 0.99):0.00} ms (one gateway + service hop)");
        Console.WriteLine($"  ratio POST p50 / baseline p50 : {Percentile(post, 0.5) / baselineP50:0.0}x");
    }

    /// <summary>Starts <paramref name="count"/> calls at a steady rate (open loop: the next does not wait for the last).</summary>
    public static async Task<List<T>> AtRateAsync<T>(int count, int ratePerSecond, Func<int, Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        var pending = new List<Task<T>>(count);
        for (var i = 0; i < count; i++)
        {
            // Read the clock once: read twice, the second reading can be past the due time and make the wait negative.
            var wait = TimeSpan.FromSeconds((double)i / ratePerSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            pending.Add(call(i));
        }
        return [.. await Task.WhenAll(pending)];
    }

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}
