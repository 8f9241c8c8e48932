using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>API.md: a creating POST with an Idempotency-Key answers a retry from the same caller with the first result.</summary>
[Collection(NetworkCollection.Name)]
public sealed class IdempotencyKeyTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    /// <summary>Sends the same request twice at once and once more after, all with one key; answers the three results.</summary>
    private static async Task<JsonObject[]> RetriedAsync(HttpClient client, string path, object body, string key)
    {
        // A 409 with Retry-After (the service has not heard of the referral or person yet) stores nothing, the key included.
        async Task<JsonObject> SendAsync() => await Scenario.ReadAsync(await Scenario.UntilKnownAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request);
        }, path), HttpStatusCode.Created);
        var together = await Task.WhenAll(SendAsync(), SendAsync());
        return [.. together, await SendAsync()];
    }

    private static Guid Single(JsonObject[] answers, string field) =>
        Assert.Single(answers.Select(a => a[field]!.GetValue<Guid>()).Distinct());

    [Fact]
    public async Task Agencies_services_handoffs_and_consents_are_created_once_per_key_however_often_the_request_is_retried()
    {
        using var coordinator = await _network.ClientAsync("coordinator");
        var peers = Single(await RetriedAsync(coordinator, "/api/matching/agencies",
            new { name = "Retry Peers", kind = "cso", municipality = "Setagaya" }, "agency-1"), "id");
        using var admin = await _network.ClientAsync("agency-admin", agency: peers);
        var service = Single(await RetriedAsync(admin, "/api/matching/services", new
        {
            agencyId = peers, name = "Peer circle", description = "Retried.", needs = new[] { "social-connection" }, modalities = new[] { "online-chat" },
            ageMin = 12, ageMax = 39, municipalities = new[] { "Setagaya" }, languages = new[] { "ja" }, fee = "free",
            capacity = new { available = 3, maximum = 20, waitWeeks = 0 }, status = "active",
        }, "service-1"), "id");
        var scenario = new Scenario(_network);
        using var teacher = await _network.ClientAsync("worker", agency: await scenario.CreateAgencyAsync("school", "Retry High"));
        var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"再{Guid.NewGuid():N}"[..8])), HttpStatusCode.Created);
        var (referralId, personId) = (referral["referralId"]!.GetValue<Guid>(), referral["personId"]!.GetValue<Guid>());
        await scenario.WaitForMatchesAsync(teacher, referralId);
        var handoff = Single(await RetriedAsync(teacher, "/api/handoffs", new { referralId, toServiceId = service, note = "Retried." }, "offer-1"), "handoffId");
        var consent = Single(await RetriedAsync(teacher, "/api/consent/consents", new
        {
            personId, grantor = "worker-recorded", method = "verbal", purposes = new[] { "coordination" }, categories = new[] { "contact" },
            recipients = new { scope = "network" },
        }, "consent-1"), "consentId");

        var offers = await Scenario.ReadAsync(await teacher.GetAsync("/api/handoffs?direction=outgoing"), HttpStatusCode.OK);
        Assert.Equal([handoff], offers["items"]!.AsArray().Select(h => h!["handoffId"]!.GetValue<Guid>()));
        var consents = await Scenario.ReadAsync(await teacher.GetAsync($"/api/consent/persons/{personId}/consents"), HttpStatusCode.OK);
        Assert.Equal([consent], consents["items"]!.AsArray().Select(c => c!["consentId"]!.GetValue<Guid>()));
        var reused = await coordinator.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/matching/agencies")
        {
            Content = JsonContent.Create(new { name = "Another agency", kind = "cso", municipality = "Setagaya" }),
            Headers = { { "Idempotency-Key", "agency-1" } },
        });
        var problem = await Scenario.ReadProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Idempotency-Key"], problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
