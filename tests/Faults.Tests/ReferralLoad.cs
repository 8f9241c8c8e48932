using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

/// <summary>What a load sent and what came of it.</summary>
public sealed record LoadResult(IReadOnlyList<Guid> Accepted, int Sent, int Refused, IReadOnlyList<string> Unexpected)
{
    public override string ToString() =>
        $"{Sent} sent, {Accepted.Count} accepted, {Refused} refusals (503 problem+json with Retry-After), unexpected: [{string.Join("; ", Unexpected.Take(5))}]";
}

/// <summary>
/// Workers of one school submitting referrals at a steady rate while a fault happens (open loop), as a careful client
/// does: each referral carries an Idempotency-Key, and a refusal with Retry-After (503, or 409 while the first try is
/// still in flight) or a broken connection is sent again with the same key, so it is accepted once, or never.
/// </summary>
public sealed class ReferralLoad
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    private readonly List<Task<(Guid? ReferralId, int Refusals, string? Unexpected)>> _sent = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    private ReferralLoad()
    {
    }

    public int Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.Count;
            }
        }
    }

    /// <summary>How many of the referrals sent so far have been accepted.</summary>
    public int AcceptedSoFar => AcceptedIdsSoFar.Count;

    /// <summary>The referrals accepted so far.</summary>
    public IReadOnlyList<Guid> AcceptedIdsSoFar
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent.Where(sent => sent.IsCompletedSuccessfully && sent.Result.ReferralId is not null).Select(sent => sent.Result.ReferralId!.Value)];
            }
        }
    }

    public static async Task<ReferralLoad> StartAsync(ProcessNetwork network, Guid school, string town, int perSecond, bool sendRefusedAgain = true)
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => network.LoadClientAsync(school)));
        var load = new ReferralLoad();
        var run = Guid.NewGuid().ToString("N")[..6];
        load._loop = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; !load._stop.IsCancellationRequested; i++)
            {
                var wait = TimeSpan.FromSeconds((double)i / perSecond) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                var sent = SubmitAsync(workers[i % workers.Length], $"{run}{i}", town, sendRefusedAgain);
                lock (load._sent)
                {
                    load._sent.Add(sent);
                }
            }
        });
        return load;
    }

    /// <summary>Stops sending; waits for every referral sent to be accepted or given up.</summary>
    public async Task<LoadResult> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var outcomes = await Task.WhenAll(_sent);
        return new LoadResult([.. outcomes.Where(o => o.ReferralId is not null).Select(o => o.ReferralId!.Value)], outcomes.Length,
            outcomes.Sum(o => o.Refusals), [.. outcomes.Where(o => o.Unexpected is not null).Select(o => o.Unexpected!)]);
    }

    /// <summary>One referral, sent as the load sends them (again after a refusal); its id.</summary>
    public static async Task<Guid> SubmitOneAsync(HttpClient worker, string name, string town) =>
        await SubmitAsync(worker, name, town, sendRefusedAgain: true) is { ReferralId: { } id } ? id
            : throw new InvalidOperationException($"Referral {name} was not accepted.");

    private static async Task<(Guid? ReferralId, int Refusals, string? Unexpected)> SubmitAsync(HttpClient worker, string name, string town, bool sendRefusedAgain)
    {
        var key = Guid.NewGuid().ToString();
        var body = Scenario.Referral(familyName: "障害", givenName: name, municipality: town);
        var refusals = 0;
        // After a connection broke the first try may have been done: only an answer to this key settles it.
        var outcomeUnknown = false;
        var giveUpAt = DateTime.UtcNow + GiveUpAfter;
        while (DateTime.UtcNow < giveUpAt)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/referrals") { Content = JsonContent.Create(body) };
            request.Headers.Add(IdempotencyKey.Header, key);
            HttpResponseMessage response;
            try
            {
                response = await worker.SendAsync(request);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcomeUnknown = true;
                await GatewayAnswersAsync(worker);
                continue;
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var created = await response.Content.ReadFromJsonAsync<Created>();
                    return (created!.ReferralId, refusals, null);
                }
                var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (response.Headers.RetryAfter?.Delta is not { } retryAfter || !isProblem
                    || response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict))
                {
                    var text = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    return (null, refusals, text[..Math.Min(text.Length, 200)]);
                }
                // 409: an earlier try with this key (whose answer was lost with its connection) is still being done: its
                // outcome is this referral's, so it is always asked again. 503: refused, nothing done.
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    refusals++;
                    if (!sendRefusedAgain && !outcomeUnknown)
                    {
                        return (null, refusals, null);
                    }
                }
                await Task.Delay(retryAfter < TimeSpan.FromSeconds(1) ? retryAfter : TimeSpan.FromSeconds(1));
            }
        }
        return (null, refusals, $"{name}: not accepted within {GiveUpAfter.TotalSeconds} s");
    }

    /// <summary>After a broken connection, until the gateway answers again (it is not one of the processes a fault stops).</summary>
    private static Task GatewayAnswersAsync(HttpClient worker) =>
        Eventually.Until(async () =>
        {
            try
            {
                return (await worker.GetAsync("/health/live")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, live => live, "the gateway to answer again");

    private sealed record Created(Guid ReferralId);
}
