using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ReferralNet.Demo;

/// <summary>
/// The team's meetings through the gateway at a steady rate (open loop), meant to run beside the referral run
/// (<c>deploy/load.sh --rate 100</c>): for young people of a school whose consent shares their case notes, scheduling a
/// case conference (POST …/meetings) and writing the minutes of one scheduled before (PUT …/minutes) alternate. Reports
/// p50 and p99 of each against plain gateway round trips in the same run.
/// </summary>
public static class MeetingBenchmark
{
    private const int Cases = 20;
    private const int WarmUpSeconds = 5;

    public static async Task RunAsync(GatewayClient gateway, int ratePerSecond, int seconds)
    {
        var agencies = await DemoNetwork.LoadAsync(gateway);
        var school = agencies.First(a => a.Key.Contains("School", StringComparison.Ordinal)).Value;
        using var worker = await gateway.AsAsync("meeting-worker", "worker", school);
        // The set-up as a careful client (a refusal under the referral run is sent again); the measured calls as they come.
        using var preparing = await gateway.AsAsync("meeting-worker", "worker", school, careful: true);
        var run = Guid.NewGuid().ToString("N")[..6];
        Console.WriteLine($"Sharing the case notes of {Cases} young people...");
        var cases = new List<Guid>();
        for (var i = 0; i < Cases; i++)
        {
            var caseId = await ConsentedCase.CreateAsync(preparing, "会議", $"m{run}{i}", "case-notes");
            using var first = await ConsentedCase.UntilSupportKnowsAsync(() => ScheduleAsync(preparing, caseId, school));
            cases.Add(caseId);
        }
        // Meetings scheduled and not yet minuted, per case: a minutes call takes one, a scheduling call adds one.
        var scheduled = cases.ToDictionary(c => c, _ => new System.Collections.Concurrent.ConcurrentQueue<Guid>());
        var minutes = new
        {
            decisions = new[] { "まずオンラインで週1回話す", "来月もう一度集まる" },
            actions = new[] { new { agencyId = school, what = "本人に手紙を書く", due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") } },
        };

        var baseline = await Measure.BaselineAsync(gateway);
        async Task<(bool Minutes, double Ms, HttpStatusCode Status)> CallAsync(int i)
        {
            var caseId = cases[i % Cases];
            var meetingId = Guid.Empty;
            var writeMinutes = i / Cases % 2 == 1 && scheduled[caseId].TryDequeue(out meetingId);
            var started = Stopwatch.GetTimestamp();
            using var response = writeMinutes
                ? await worker.PutAsJsonAsync($"/api/support/cases/{caseId}/meetings/{meetingId}/minutes", minutes)
                : await ScheduleAsync(worker, caseId, school);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!writeMinutes && response.StatusCode == HttpStatusCode.Created)
            {
                scheduled[caseId].Enqueue((await response.Content.ReadFromJsonAsync<Scheduled>())!.MeetingId);
            }
            return (writeMinutes, ms, response.StatusCode);
        }

        Console.WriteLine($"Warming up for {WarmUpSeconds} s at {ratePerSecond}/s (not measured)...");
        await Measure.AtRateAsync(ratePerSecond * WarmUpSeconds, ratePerSecond, CallAsync);
        Console.WriteLine($"Scheduling meetings and writing minutes at {ratePerSecond}/s for {seconds} s through {gateway.Address}...");
        var results = await Measure.AtRateAsync(ratePerSecond * seconds, ratePerSecond, CallAsync);

        var scheduling = results.Where(r => !r.Minutes && r.Status == HttpStatusCode.Created).Select(r => r.Ms).ToList();
        var written = results.Where(r => r.Minutes && r.Status == HttpStatusCode.OK).Select(r => r.Ms).ToList();
        var baselineP50 = Measure.Percentile(baseline, 0.5);
        Console.WriteLine();
        Console.WriteLine($"ReferralNet meetings: {results.Count} calls at {ratePerSecond}/s over {Cases} cases, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  POST …/meetings               : p50 {Measure.Percentile(scheduling, 0.5):0.0} ms, p99 {Measure.Percentile(scheduling, 0.99):0.0} ms ({scheduling.Count} scheduled)");
        Console.WriteLine($"  PUT …/meetings/{{id}}/minutes   : p50 {Measure.Percentile(written, 0.5):0.0} ms, p99 {Measure.Percentile(written, 0.99):0.0} ms ({written.Count} written, " +
            $"{results.Count(r => (int)r.Status is >= 400 and < 500)} refused, {results.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)} shed with 503, " +
            $"{results.Count(r => (int)r.Status >= 500 && r.Status != HttpStatusCode.ServiceUnavailable)} failed)");
        Console.WriteLine($"  baseline GET /health/live     : p50 {baselineP50:0.00} ms, p99 {Measure.Percentile(baseline, 0.99):0.00} ms");
        Console.WriteLine($"  ratio p50 / baseline p50      : scheduling {Measure.Percentile(scheduling, 0.5) / baselineP50:0.0}x; minutes {Measure.Percentile(written, 0.5) / baselineP50:0.0}x");
    }

    private static Task<HttpResponseMessage> ScheduleAsync(HttpClient worker, Guid caseId, Guid school)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/support/cases/{caseId}/meetings")
        {
            Content = JsonContent.Create(new
            {
                kind = "case-conference", at = DateTimeOffset.UtcNow.AddDays(7), place = "会議室", attendees = new[] { school },
                youthInvited = false, agenda = "これからの進め方",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return worker.SendAsync(request);
    }

    private sealed record Scheduled(Guid MeetingId);
}
