using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Intake.Tests;

/// <summary>Intake's steps as HTTP calls through the gateway, and people of the test's own (a birth date and a town no other test uses).</summary>
public sealed class Referrals(ReferralNetwork network)
{
    public async Task<(HttpClient Worker, Guid Agency)> WorkerOfNewAgencyAsync(string kind, string name)
    {
        var agency = await new Scenario(network).CreateAgencyAsync(kind, name);
        return (await network.ClientAsync("worker", agency: agency), agency);
    }

    public static async Task<JsonObject> ReferAsync(HttpClient worker, object referral, string? idempotencyKey = null) =>
        await Scenario.ReadAsync(await SendAsync(worker, referral, idempotencyKey), HttpStatusCode.Created);

    /// <summary>A referral of a person who already has a case, from an agency outside it: it waits for admission (202).</summary>
    public static async Task<JsonObject> ReferToWaitAsync(HttpClient worker, object referral, string? idempotencyKey = null) =>
        await Scenario.ReadAsync(await SendAsync(worker, referral, idempotencyKey), HttpStatusCode.Accepted);

    public static async Task<HttpResponseMessage> SendAsync(HttpClient worker, object referral, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/referrals") { Content = JsonContent.Create(referral) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await worker.SendAsync(request);
    }

    /// <summary>Another agency refers the person of <paramref name="caseId"/> and its lead admits it: a member from then on.</summary>
    public static async Task JoinAsync(HttpClient worker, Guid agency, object referral, HttpClient lead, Guid caseId)
    {
        await ReferToWaitAsync(worker, referral);
        await Scenario.ReadAsync(await lead.PostAsync($"/api/intake/cases/{caseId}/team/{agency}/admit", null), HttpStatusCode.OK);
    }

    public static async Task<JsonObject> ViewAsync(HttpClient worker, Guid caseId) =>
        await Scenario.ReadAsync(await worker.GetAsync($"/api/intake/cases/{caseId}"), HttpStatusCode.OK);

    public static Task<JsonObject> ViewUntilAsync(HttpClient worker, Guid caseId, Func<JsonObject, bool> holds, string what) =>
        Eventually.Until(() => ViewAsync(worker, caseId), holds, what);

    public static IReadOnlyList<string> KindsOf(JsonObject view) =>
        view["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();

    private const int BirthDays = 365 * 14;

    // Counted, not drawn: random days met twice in a run now and then, and a near match then found another test's person.
    private static int _birthDay = Random.Shared.Next(0, BirthDays);

    /// <summary>A birth date giving an age between 16 and 30, different for every call in the process (near matches need a day of their own).</summary>
    public static string UniqueBirthDate() =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30).AddDays(Interlocked.Increment(ref _birthDay) % BirthDays).ToString("yyyy-MM-dd");

    public static string UniqueTown() => Towns.Unique();

    public static Guid IdOf(JsonObject answer, string field) => answer[field]!.GetValue<Guid>();
}
