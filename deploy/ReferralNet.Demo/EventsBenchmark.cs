using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Demo;

/// <summary>
/// Live events under many open streams: <c>connections</c> workers of one receiving agency hold
/// <c>GET /api/handoffs/events</c> open through the gateway; a school sends <c>offers</c> offers to that agency, one after
/// another. The clock runs from just before each offer's POST until its offer-received reaches each stream. The offers are
/// withdrawn afterwards.
/// </summary>
public static class EventsBenchmark
{
    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(GatewayClient gateway, int connections, int offers)
    {
        var agencies = await DemoNetwork.LoadAsync(gateway);
        var school = agencies.First(a => a.Key.Contains("School", StringComparison.Ordinal)).Value;
        var receiver = agencies.First(a => a.Key.Contains("Peer", StringComparison.Ordinal)).Value;
        using var teacher = await gateway.AsAsync("events-teacher", "worker", school);
        var run = Guid.NewGuid().ToString("N")[..6];
        var baseline = await Measure.BaselineAsync(gateway);

        var received = new ConcurrentDictionary<Guid, ConcurrentBag<long>>();
        using var stop = new CancellationTokenSource();
        var clients = await Task.WhenAll(Enumerable.Range(0, connections).Select(i => gateway.AsAsync($"events-worker-{run}-{i}", "worker", receiver)));
        var streams = await Task.WhenAll(clients.Select(client => OpenAsync(client, received, stop.Token)));
        Console.WriteLine($"{connections} event streams open through {gateway.Address} for one agency; sending {offers} offers...");

        var sent = new Dictionary<Guid, long>();
        var postMs = new List<double>();
        for (var i = 0; i < offers; i++)
        {
            var (referralId, serviceId) = await ReferAsync(teacher, $"{run}{i}", receiver);
            var started = Stopwatch.GetTimestamp();
            var offer = await GatewayClient.ReadAsync(await GatewayClient.UntilKnownAsync(() =>
                teacher.PostAsJsonAsync("/api/handoffs", new { referralId, toServiceId = serviceId })), HttpStatusCode.Created);
            postMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            sent[offer["handoffId"]!.GetValue<Guid>()] = started;
        }

        var clock = Stopwatch.StartNew();
        while (sent.Keys.Sum(id => received.TryGetValue(id, out var got) ? got.Count : 0) < sent.Count * connections && clock.Elapsed < DeliveryDeadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        var latencies = sent.SelectMany(s => received.TryGetValue(s.Key, out var got)
            ? got.Select(at => Stopwatch.GetElapsedTime(s.Value, at).TotalMilliseconds) : []).ToList();
        await stop.CancelAsync();
        await Task.WhenAll(streams);
        foreach (var handoffId in sent.Keys)
        {
            await teacher.PostAsJsonAsync($"/api/handoffs/{handoffId}/withdraw", new { });
        }

        Console.WriteLine();
        Console.WriteLine($"ReferralNet live events: {connections} open streams, {offers} offers, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  delivered                     : {latencies.Count} of {sent.Count * connections} offer-received events");
        Console.WriteLine($"  offer POST -> event on stream : p50 {Measure.Percentile(latencies, 0.5):0.0} ms, p99 {Measure.Percentile(latencies, 0.99):0.0} ms, max {latencies.Max():0.0} ms");
        Console.WriteLine($"  POST /api/handoffs            : p50 {Measure.Percentile(postMs, 0.5):0.0} ms, p99 {Measure.Percentile(postMs, 0.99):0.0} ms");
        Measure.ReportBaseline(baseline, postMs);
    }

    /// <summary>A referral the receiving agency's first matched service takes; returns it with that service.</summary>
    private static async Task<(Guid ReferralId, Guid ServiceId)> ReferAsync(HttpClient teacher, string name, Guid receiver)
    {
        var referral = await GatewayClient.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", new
        {
            person = new { familyName = "速報", givenName = $"e{name}", birthDate = "2006-05-05", municipality = "Setagaya" },
            source = "school", needs = new[] { "social-connection", "mental-health" },
            preferences = new { modalities = new[] { "online-chat" }, remoteFirst = true, languages = new[] { "ja" } },
            summary = "Live events benchmark.",
        }), HttpStatusCode.Created);
        var referralId = referral["referralId"]!.GetValue<Guid>();
        while (true)
        {
            var matches = await GatewayClient.ReadAsync(await teacher.GetAsync($"/api/matching/referrals/{referralId}/matches?wait=10"), HttpStatusCode.OK);
            if (matches["status"]!.GetValue<string>() == MatchStatuses.Ready)
            {
                var candidate = matches["candidates"]!.AsArray().First(c => c!["agencyId"]!.GetValue<Guid>() == receiver)!;
                return (referralId, candidate["serviceId"]!.GetValue<Guid>());
            }
        }
    }

    private static async Task<Task> OpenAsync(HttpClient worker, ConcurrentDictionary<Guid, ConcurrentBag<long>> received, CancellationToken stop)
    {
        var response = await worker.GetAsync("/api/handoffs/events", HttpCompletionOption.ResponseHeadersRead, stop);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(stop);
        return Task.Run(async () =>
        {
            try
            {
                await foreach (var item in SseParser.Create(body).EnumerateAsync(stop))
                {
                    if (item.EventType == AgencyEventKinds.OfferReceived)
                    {
                        var at = Stopwatch.GetTimestamp();
                        var handoffId = JsonNode.Parse(item.Data)!["handoffId"]!.GetValue<Guid>();
                        received.GetOrAdd(handoffId, _ => []).Add(at);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the benchmark ended
            }
            finally
            {
                response.Dispose();
            }
        }, CancellationToken.None);
    }
}
