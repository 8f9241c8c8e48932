using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ReferralNet.Demo;

/// <summary>
/// The support plan through the gateway at a steady rate (open loop): for young people of a school whose consent shares
/// their plan, reads (GET …/plan) and writes (PUT …/plan with the version read, If-Match) alternate, each case in turn.
/// Reports p50 and p99 of each against plain gateway round trips in the same run; a write that met a newer version
/// (412) is counted, not timed.
/// </summary>
public static class PlanBenchmark
{
    private const int Cases = 20;
    private const int WarmUpSeconds = 5;

    public static async Task RunAsync(GatewayClient gateway, int ratePerSecond, int seconds)
    {
        var agencies = await DemoNetwork.LoadAsync(gateway);
        var school = agencies.First(a => a.Key.Contains("School", StringComparison.Ordinal)).Value;
        using var worker = await gateway.AsAsync("plan-worker", "worker", school);
        var run = Guid.NewGuid().ToString("N")[..6];
        Console.WriteLine($"Writing the first plan of {Cases} young people...");
        // One after another: the set-up is not what is measured, and a burst of it would be refused while busy.
        var plans = new List<(Guid CaseId, object Body, int Version)>();
        for (var i = 0; i < Cases; i++)
        {
            plans.Add(await FirstPlanAsync(worker, school, $"p{run}{i}"));
        }
        var versions = plans.Select(p => p.Version).ToArray();

        var baseline = await Measure.BaselineAsync(gateway);
        async Task<(bool Write, double Ms, HttpStatusCode Status)> CallAsync(int i)
        {
            var (caseId, body) = (plans[i % Cases].CaseId, plans[i % Cases].Body);
            var write = i / Cases % 2 == 1;
            using var request = new HttpRequestMessage(write ? HttpMethod.Put : HttpMethod.Get, $"/api/support/cases/{caseId}/plan");
            if (write)
            {
                request.Content = JsonContent.Create(body);
                request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{Volatile.Read(ref versions[i % Cases])}\""));
            }
            var started = Stopwatch.GetTimestamp();
            using var response = await worker.SendAsync(request);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                Volatile.Write(ref versions[i % Cases], (await response.Content.ReadFromJsonAsync<PlanVersion>())!.Version);
            }
            return (write, ms, response.StatusCode);
        }

        Console.WriteLine($"Warming up for {WarmUpSeconds} s at {ratePerSecond}/s (not measured)...");
        await Measure.AtRateAsync(ratePerSecond * WarmUpSeconds, ratePerSecond, CallAsync);
        Console.WriteLine($"Reading and writing plans at {ratePerSecond}/s for {seconds} s through {gateway.Address}...");
        var results = await Measure.AtRateAsync(ratePerSecond * seconds, ratePerSecond, CallAsync);

        var reads = results.Where(r => !r.Write && r.Status == HttpStatusCode.OK).Select(r => r.Ms).ToList();
        var writes = results.Where(r => r.Write && r.Status == HttpStatusCode.OK).Select(r => r.Ms).ToList();
        var baselineP50 = Measure.Percentile(baseline, 0.5);
        Console.WriteLine();
        Console.WriteLine($"ReferralNet support plans: {results.Count} calls at {ratePerSecond}/s over {Cases} plans, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  GET …/plan                    : p50 {Measure.Percentile(reads, 0.5):0.0} ms, p99 {Measure.Percentile(reads, 0.99):0.0} ms ({reads.Count} reads)");
        Console.WriteLine($"  PUT …/plan (If-Match)         : p50 {Measure.Percentile(writes, 0.5):0.0} ms, p99 {Measure.Percentile(writes, 0.99):0.0} ms ({writes.Count} writes, " +
            $"{results.Count(r => r.Status == HttpStatusCode.PreconditionFailed)} met a newer version, {results.Count(r => (int)r.Status >= 500)} failed)");
        Console.WriteLine($"  baseline GET /health/live     : p50 {baselineP50:0.00} ms, p99 {Measure.Percentile(baseline, 0.99):0.00} ms");
        Console.WriteLine($"  ratio read p50 / baseline p50 : {Measure.Percentile(reads, 0.5) / baselineP50:0.0}x; write: {Measure.Percentile(writes, 0.5) / baselineP50:0.0}x");
    }

    private static async Task<(Guid CaseId, object Body, int Version)> FirstPlanAsync(HttpClient worker, Guid school, string name)
    {
        var caseId = await ConsentedCase.CreateAsync(worker, "計画", name, "support-plan");
        var body = new
        {
            goals = new[] { new { text = "朝、決まった時間に起きる" }, new { text = "週に一度、外に出る" } },
            steps = Enumerable.Range(1, 4).Select(i => new { kind = "online-contact", title = $"Step {i}", ownerAgencyId = school, due = "2027-03-01" }),
        };
        using var created = await ConsentedCase.UntilSupportKnowsAsync(() => worker.PutAsJsonAsync($"/api/support/cases/{caseId}/plan", body));
        return (caseId, body, (await created.Content.ReadFromJsonAsync<PlanVersion>())!.Version);
    }

    private sealed record PlanVersion(int Version);
}
