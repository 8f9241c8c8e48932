using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ReferralNet.Demo;

/// <summary>
/// How fast a revocation reaches another service: for each of N young people, a consent is granted and seen by intake,
/// then revoked; the clock runs from the revoke call's response until intake's case view stops showing the contact.
/// Intake is read every <see cref="ReadEvery"/>; a plain round trip to the same view is the baseline.
/// </summary>
public static class RevocationBenchmark
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(2);

    public static async Task RunAsync(GatewayClient gateway, int revocations)
    {
        var agencies = await DemoNetwork.LoadAsync(gateway);
        var school = agencies.First(a => a.Key.Contains("School", StringComparison.Ordinal)).Value;
        using var worker = await gateway.AsAsync("revocation-worker", "worker", school);
        var propagation = new List<double>();
        var roundTrips = new List<double>();
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < revocations; i++)
        {
            var referral = await GatewayClient.ReadAsync(await worker.PostAsJsonAsync("/api/intake/referrals", new
            {
                person = new { familyName = "撤回", givenName = $"r{run}{i}", birthDate = "2006-05-05", municipality = "Setagaya", contact = new { phone = "000" } },
                source = "school", needs = new[] { "mental-health" }, summary = "Revocation benchmark.",
            }), HttpStatusCode.Created);
            var caseUrl = $"/api/intake/cases/{referral["caseId"]}";
            var consentId = (await GatewayClient.ReadAsync(await GatewayClient.UntilKnownAsync(() => worker.PostAsJsonAsync("/api/consent/consents", new
            {
                personId = referral["personId"]!.GetValue<Guid>(), grantor = "worker-recorded", method = "verbal",
                purposes = new[] { "coordination" }, categories = new[] { "contact" }, recipients = new { scope = "network" },
            })), HttpStatusCode.Created))["consentId"];
            await ReadUntilAsync(worker, caseUrl, contactShown: true, roundTrips);

            await GatewayClient.ReadAsync(await worker.PostAsync($"/api/consent/consents/{consentId}/revoke", null), HttpStatusCode.OK);
            var revoked = Stopwatch.GetTimestamp();
            await ReadUntilAsync(worker, caseUrl, contactShown: false, null);
            propagation.Add(Stopwatch.GetElapsedTime(revoked).TotalMilliseconds);
        }
        propagation.Sort();
        roundTrips.Sort();
        Console.WriteLine($"Revocation -> deny in intake over {revocations} revocations: p50 {propagation[propagation.Count / 2]:0.0} ms, " +
            $"p99 {propagation[(int)(propagation.Count * 0.99)]:0.0} ms, max {propagation[^1]:0.0} ms");
        Console.WriteLine($"Baseline GET case view round trip: p50 {roundTrips[roundTrips.Count / 2]:0.0} ms (reads every {ReadEvery.TotalMilliseconds:0} ms)");
    }

    private static async Task ReadUntilAsync(HttpClient worker, string caseUrl, bool contactShown, List<double>? roundTrips)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var view = await GatewayClient.ReadAsync(await worker.GetAsync(caseUrl), HttpStatusCode.OK);
            roundTrips?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if ((view["contact"] is not null) == contactShown)
            {
                return;
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{caseUrl} did not {(contactShown ? "show" : "hide")} the contact within 30 s.");
            }
            await Task.Delay(ReadEvery);
        }
    }
}
