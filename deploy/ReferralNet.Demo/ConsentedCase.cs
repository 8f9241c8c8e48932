using System.Net;
using System.Net.Http.Json;

namespace ReferralNet.Demo;

/// <summary>A young person a worker refers, with a consent the worker records that shares the given categories with the network.</summary>
public static class ConsentedCase
{
    public static async Task<Guid> CreateAsync(HttpClient worker, string familyName, string givenName, params string[] categories)
    {
        var referral = await GatewayClient.ReadAsync(await worker.PostAsJsonAsync("/api/intake/referrals", new
        {
            person = new { familyName, givenName, birthDate = "2006-06-06", municipality = "Setagaya", contact = new { phone = "000" } },
            source = "agency-worker", needs = new[] { "social-connection" }, summary = "Benchmark.",
        }), HttpStatusCode.Created);
        var (caseId, personId) = (referral["caseId"]!.GetValue<Guid>(), referral["personId"]!.GetValue<Guid>());
        await GatewayClient.ReadAsync(await GatewayClient.UntilKnownAsync(() => worker.PostAsJsonAsync("/api/consent/consents", new
        {
            personId, grantor = "worker-recorded", method = "verbal", purposes = new[] { "coordination" }, categories,
            recipients = new { scope = "network" },
        })), HttpStatusCode.Created);
        return caseId;
    }

    /// <summary>
    /// A first write to the support service, sent again until it is taken: the support service hears of the case and the
    /// consent a moment after intake and consent answer.
    /// </summary>
    public static async Task<HttpResponseMessage> UntilSupportKnowsAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            response.Dispose();
            if (attempt == 100)
            {
                throw new InvalidOperationException($"The support service refused the first write: {(int)response.StatusCode}");
            }
            await Task.Delay(50);
        }
    }
}
