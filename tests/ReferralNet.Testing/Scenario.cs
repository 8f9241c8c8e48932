using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ReferralNet.Testing;

/// <summary>The steps a test takes against the network, as HTTP calls through the gateway only.</summary>
public sealed class Scenario(IGatewayClients network)
{
    public async Task<Guid> CreateAgencyAsync(string kind, string name)
    {
        using var coordinator = await network.ClientAsync("coordinator");
        var response = await coordinator.PostAsJsonAsync("/api/matching/agencies", new { name, kind, municipality = "Setagaya" });
        return (await ReadAsync(response, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    public async Task<Guid> CreateServiceAsync(
        Guid agencyId, string name, string[] needs, string[] modalities, int placesFree = 3, string municipality = "Setagaya",
        string description = "A service of the test network.")
    {
        using var admin = await network.ClientAsync("agency-admin", agency: agencyId);
        var response = await admin.PostAsJsonAsync("/api/matching/services", new
        {
            agencyId, name, description, needs, modalities, ageMin = 12, ageMax = 39,
            municipalities = new[] { municipality }, languages = new[] { "ja" }, fee = "free",
            capacity = new { available = placesFree, maximum = 20, waitWeeks = 0 }, status = "active",
        });
        return (await ReadAsync(response, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    public static object Referral(
        string familyName = "山田", string givenName = "太郎", string birthDate = "2007-04-02", string municipality = "Setagaya",
        string familyNameKana = "ヤマダ", string givenNameKana = "タロウ", string source = "school") => new
    {
        person = new
        {
            familyName, givenName, familyNameKana, givenNameKana, birthDate, municipality,
            contact = new { email = "taro@example.org" },
        },
        source,
        needs = new[] { "mental-health", "social-connection" },
        urgency = "routine",
        preferences = new { modalities = new[] { "online-chat", "video" }, remoteFirst = true, languages = new[] { "ja" } },
        summary = "Has not left home for a year; would talk online first.",
    };

    public async Task<JsonObject> WaitForMatchesAsync(HttpClient worker, Guid referralId) =>
        await Eventually.Until(
            async () => await ReadAsync(await worker.GetAsync($"/api/matching/referrals/{referralId}/matches?wait=5"), HttpStatusCode.OK),
            matches => matches["status"]!.GetValue<string>() == "ready",
            $"matches for referral {referralId}");

    /// <summary>
    /// Sends as a client would: a 409 with Retry-After means a service has not received an event it needs yet (the
    /// referral's matches at handoff, the person at consent; milliseconds), so it asks again.
    /// </summary>
    public static Task<HttpResponseMessage> UntilKnownAsync(Func<Task<HttpResponseMessage>> send, string what) =>
        Eventually.Until(send, r => !(r.StatusCode == HttpStatusCode.Conflict && r.Headers.RetryAfter is not null), what);

    public static Task<HttpResponseMessage> OfferAsync(HttpClient worker, Guid referralId, Guid serviceId) =>
        UntilKnownAsync(
            () => worker.PostAsJsonAsync("/api/handoffs", new { referralId, toServiceId = serviceId, note = "Please call after 4pm." }),
            "the handoff service to know the matches");

    /// <summary>A worker records the young person's verbal consent for coordination across the network.</summary>
    public static Task<HttpResponseMessage> GrantAsync(
        HttpClient worker, Guid personId, string[] categories, string grantor = "worker-recorded", DateTimeOffset? validUntil = null) =>
        UntilKnownAsync(() => worker.PostAsJsonAsync("/api/consent/consents", new
        {
            personId, grantor, method = "verbal", purposes = new[] { "coordination" }, categories,
            recipients = new { scope = "network" }, validUntil = validUntil ?? DateTimeOffset.UtcNow.AddYears(1),
        }), "the consent service to know the person");

    /// <summary>A handoff as the worker reads it (200 expected).</summary>
    public static async Task<JsonObject> HandoffAsync(HttpClient worker, Guid handoffId) =>
        await ReadAsync(await worker.GetAsync($"/api/handoffs/{handoffId}"), HttpStatusCode.OK);

    public static Guid HandoffIdOf(JsonObject handoff) => handoff["handoffId"]!.GetValue<Guid>();

    public async Task<JsonObject> OfferHandoffAsync(HttpClient worker, Guid referralId, Guid serviceId) =>
        await ReadAsync(await OfferAsync(worker, referralId, serviceId), HttpStatusCode.Created);

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response, expected);
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        return problem;
    }

    public static StringContent Json(string raw) => new(raw, System.Text.Encoding.UTF8, "application/json");
}
