using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Demo;

/// <summary>
/// Submits referrals through the gateway at a steady rate (open loop: the next one does not wait for the last) and
/// measures, per referral, the HTTP call and the time from submit until matching answers 'ready'; then reads the
/// outbox's commit-to-publish latency from intake's database. A baseline of plain gateway round trips runs first.
/// </summary>
public static class LoadBenchmark
{
    private const int WarmUpSeconds = 10;
    private const int WindowSeconds = 5;

    public static async Task RunAsync(GatewayClient gateway, int referrals, int ratePerSecond, string? intakeDatabase)
    {
        var agencies = await DemoNetwork.LoadAsync(gateway);
        var school = agencies.First(a => a.Key.Contains("School", StringComparison.Ordinal)).Value;
        var workers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => gateway.AsAsync($"load-worker-{i}", "worker", school)));
        var run = Guid.NewGuid().ToString("N")[..6];

        var baseline = await Measure.BaselineAsync(gateway);

        // Ten seconds at the target rate, not measured: the processes' code is compiled and their pools are filled first.
        var warmUp = ratePerSecond * WarmUpSeconds;
        Console.WriteLine($"Warming up with {warmUp} referrals ({WarmUpSeconds} s at the target rate, not measured)...");
        await SubmitAllAsync(workers, $"w{run}", warmUp, ratePerSecond);

        var measuredFrom = DateTimeOffset.UtcNow;
        Console.WriteLine($"Submitting {referrals} referrals at {ratePerSecond}/s through {gateway.Address} from {measuredFrom:HH:mm:ss} UTC...");
        var clock = Stopwatch.StartNew();
        var results = await SubmitAllAsync(workers, $"m{run}", referrals, ratePerSecond);
        var elapsed = clock.Elapsed;

        var admitted = results.Where(r => r.Admitted).ToList();
        var http = admitted.Select(r => r.HttpMs).ToList();
        var windows = results.Chunk(ratePerSecond * WindowSeconds)
            .Select(window => window.Any(r => r.Admitted) ? $"{Measure.Percentile(window.Where(r => r.Admitted).Select(r => r.ReadyMs).ToList(), 0.99):0}" : "shed")
            .ToList();
        var ready = admitted.Select(r => r.ReadyMs).ToList();
        Console.WriteLine();
        Console.WriteLine($"ReferralNet load: {referrals} referrals at {ratePerSecond}/s target, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  sustained throughput          : {admitted.Count / elapsed.TotalSeconds:0.0} referrals/s ({admitted.Count} of {referrals} admitted and matched in {elapsed.TotalSeconds:0.0} s, {referrals - admitted.Count} refused with 503)");
        Console.WriteLine($"  POST /api/intake/referrals    : p50 {Measure.Percentile(http, 0.5):0.0} ms, p99 {Measure.Percentile(http, 0.99):0.0} ms");
        Console.WriteLine($"  submit -> matches ready       : p50 {Measure.Percentile(ready, 0.5):0.0} ms, p99 {Measure.Percentile(ready, 0.99):0.0} ms, max {ready.Max():0.0} ms");
        Console.WriteLine($"  ready p99 per {WindowSeconds} s window  : {string.Join(", ", windows)} ms");
        Measure.ReportBaseline(baseline, http);
        if (intakeDatabase is not null)
        {
            await ReportOutboxAsync(intakeDatabase, measuredFrom);
        }
    }

    private static Task<List<Submitted>> SubmitAllAsync(HttpClient[] workers, string prefix, int count, int ratePerSecond) =>
        Measure.AtRateAsync(count, ratePerSecond, i => SubmitAsync(workers[i % workers.Length], $"{prefix}{i}"));

    /// <summary>A referral as a worker sends it; refused (503 with Retry-After) or admitted and long-polled until matched.</summary>
    public static async Task<Submitted> SubmitAsync(HttpClient worker, string name)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await worker.PostAsJsonAsync("/api/intake/referrals", new
        {
            person = new
            {
                familyName = "負荷", givenName = name, birthDate = new DateOnly(2000, 1, 1).AddDays(name.GetHashCode() & 0x7FF),
                municipality = "Setagaya",
            },
            source = "school",
            needs = new[] { "mental-health", "social-connection" },
            preferences = new { modalities = new[] { "online-chat" }, remoteFirst = true, languages = new[] { "ja" } },
            summary = "Load test referral.",
        });
        var httpMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            return new Submitted(httpMs, 0, response.Headers.RetryAfter is not null && problem ? Refusals.Shed : Refusals.ShedWithoutRetryAfter);
        }
        var referralId = (await GatewayClient.ReadAsync(response, HttpStatusCode.Created))["referralId"]!.GetValue<Guid>();
        // A long poll: matching holds the answer until the proposal is committed (or 10 s pass).
        while (true)
        {
            var matches = await GatewayClient.ReadAsync(
                await worker.GetAsync($"/api/matching/referrals/{referralId}/matches?wait=10"), HttpStatusCode.OK);
            if (matches["status"]!.GetValue<string>() == MatchStatuses.Ready)
            {
                return new Submitted(httpMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
            }
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Referral {referralId} was not matched within 60 s.");
            }
        }
    }

    public static class Refusals
    {
        public const string Shed = "503 problem+json with Retry-After";
        public const string ShedWithoutRetryAfter = "503 without Retry-After or problem+json";
    }

    public sealed record Submitted(double HttpMs, double ReadyMs, string? Refusal)
    {
        public bool Admitted => Refusal is null;
    }

    private static async Task ReportOutboxAsync(string connectionString, DateTimeOffset from)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT COUNT(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM dispatched_at - created_at) * 1000),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM dispatched_at - created_at) * 1000)
            FROM outbox_messages WHERE created_at >= @from AND dispatched_at IS NOT NULL
            """, connection);
        command.Parameters.AddWithValue("from", from);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"  outbox commit -> publish      : p50 {reader.GetDouble(1):0.0} ms, p99 {reader.GetDouble(2):0.0} ms (intake, {reader.GetInt64(0)} messages, store to broker confirm)");
    }
}
