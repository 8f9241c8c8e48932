using System.Diagnostics;

namespace ReferralNet.Demo;

/// <summary>
/// Offers referrals at 1×, 2× and 3× the sustainable rate, each burst followed by the sustainable rate again, on a warm
/// network (open loop). Per burst: goodput (admitted referrals matched per second), what was shed and how, submit →
/// matches ready of the admitted ones, and the seconds after the burst until ready p99 is back to the 1× level.
/// </summary>
public static class OverloadBenchmark
{
    private const int WarmUpSeconds = 10;
    private const int RecoverySeconds = 20;

    private sealed record Outcome(double StartedAtSeconds, LoadBenchmark.Submitted Submitted);

    public static async Task RunAsync(GatewayClient gateway, int peakPerSecond, int burstSeconds, int[] multiples)
    {
        var agencies = await DemoNetwork.LoadAsync(gateway);
        var school = agencies.First(a => a.Key.Contains("School", StringComparison.Ordinal)).Value;
        // Enough workers that the gateway's per-user limit (100/s, a POST and a long poll each) is never what refuses.
        var workerCount = 8 + peakPerSecond * multiples.Max() / 25;
        var workers = await Task.WhenAll(Enumerable.Range(0, workerCount).Select(i => gateway.AsAsync($"overload-worker-{i}", "worker", school)));
        var run = Guid.NewGuid().ToString("N")[..6];

        Console.WriteLine($"Warming up: {WarmUpSeconds} s at {peakPerSecond}/s (not measured)...");
        await OfferAsync(workers, $"w{run}", peakPerSecond, WarmUpSeconds);

        Console.WriteLine($"ReferralNet overload: peak {peakPerSecond}/s, bursts of {burstSeconds} s, each followed by {RecoverySeconds} s at the peak rate, {Environment.ProcessorCount} cores");
        double? normalP99 = null;
        foreach (var multiple in multiples)
        {
            var rate = peakPerSecond * multiple;
            Console.WriteLine($"  {multiple}x: offering {rate}/s for {burstSeconds} s from {DateTimeOffset.UtcNow:HH:mm:ss} UTC...");
            var clock = Stopwatch.StartNew();
            var burst = OfferAsync(workers, $"b{multiple}{run}", rate, burstSeconds);
            await Task.Delay(TimeSpan.FromSeconds(burstSeconds));
            var after = await OfferAsync(workers, $"r{multiple}{run}", peakPerSecond, RecoverySeconds);
            var during = await burst;
            var elapsed = clock.Elapsed;

            var admitted = during.Where(o => o.Submitted.Admitted).ToList();
            var shed = during.Count - admitted.Count;
            var withRetryAfter = during.Count(o => o.Submitted.Refusal == LoadBenchmark.Refusals.Shed);
            var ready = admitted.Select(o => o.Submitted.ReadyMs).ToList();
            var p99 = ready.Count > 0 ? Measure.Percentile(ready, 0.99) : double.NaN;
            normalP99 ??= p99;
            Console.WriteLine($"    offered {during.Count} ({during.Count / (double)burstSeconds:0.0}/s), admitted {admitted.Count}, shed {shed} " +
                $"({100.0 * shed / during.Count:0.0} %; {withRetryAfter} of them 503 problem+json with Retry-After)");
            Console.WriteLine($"    goodput                     : {admitted.Count / (double)burstSeconds:0.0} matched/s ({100.0 * admitted.Count / burstSeconds / peakPerSecond:0} % of the peak rate)");
            if (ready.Count > 0)
            {
                Console.WriteLine($"    submit -> ready (admitted)  : p50 {Measure.Percentile(ready, 0.5):0.0} ms, p99 {p99:0.0} ms, max {ready.Max():0.0} ms; " +
                    $"POST p99 {Measure.Percentile(admitted.Select(o => o.Submitted.HttpMs).ToList(), 0.99):0.0} ms");
            }
            Console.WriteLine($"    after the burst             : {Recovery(after, normalP99.Value)}; {after.Count(o => !o.Submitted.Admitted)} of {after.Count} shed, whole run {elapsed.TotalSeconds:0.0} s");
        }
    }

    /// <summary>The first second after which every one-second window's ready p99 stays within 1.5× the 1× burst's p99.</summary>
    private static string Recovery(List<Outcome> after, double normalP99)
    {
        var limit = Math.Max(normalP99 * 1.5, normalP99 + 50);
        var windows = after.GroupBy(o => (int)o.StartedAtSeconds).OrderBy(w => w.Key)
            .Select(w => (Second: w.Key, P99: w.Any(o => o.Submitted.Admitted)
                ? Measure.Percentile(w.Where(o => o.Submitted.Admitted).Select(o => o.Submitted.ReadyMs).ToList(), 0.99)
                : double.PositiveInfinity))
            .ToList();
        var lastAbove = windows.FindLastIndex(w => w.P99 > limit);
        var perSecond = string.Join(" ", windows.Select(w => double.IsInfinity(w.P99) ? "shed" : $"{w.P99:0}"));
        var verdict = lastAbove < 0 ? "back to normal at once"
            : lastAbove == windows.Count - 1 ? $"NOT back to normal within {RecoverySeconds} s"
            : $"back to normal after {windows[lastAbove].Second + 1} s";
        return $"{verdict} (ready p99 <= {limit:0} ms; per second: {perSecond} ms)";
    }

    private static async Task<List<Outcome>> OfferAsync(HttpClient[] workers, string prefix, int ratePerSecond, int seconds)
    {
        var clock = Stopwatch.StartNew();
        return await Measure.AtRateAsync(ratePerSecond * seconds, ratePerSecond, async i =>
        {
            var startedAt = clock.Elapsed.TotalSeconds;
            return new Outcome(startedAt, await LoadBenchmark.SubmitAsync(workers[i % workers.Length], $"{prefix}{i}"));
        });
    }
}
