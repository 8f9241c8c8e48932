using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ReferralNet.Testing;

/// <summary>The young person's way in, as their pages take it: code → enrolment token → sign-in name and passphrase.</summary>
public static class YouthSignIn
{
    public const string Passphrase = "a quiet morning by the river";

    public static Task<HttpResponseMessage> SendCodeAsync(ReferralNetwork network, string code) =>
        PostAnonymouslyAsync(network, "/api/consent/access", new { code });

    public static Task<HttpResponseMessage> SignInAsync(ReferralNetwork network, string signInName, string passphrase = Passphrase) =>
        PostAnonymouslyAsync(network, "/api/consent/youth/sign-in", new { signInName, passphrase });

    /// <summary>
    /// The enrolment token for a code. The code reaches the consent service as an event; until it has, it is not valid
    /// there yet.
    /// </summary>
    public static async Task<string> ExchangeAsync(ReferralNetwork network, string code)
    {
        var response = await Eventually.Until(() => SendCodeAsync(network, code), r => r.StatusCode == HttpStatusCode.OK, "the code to be exchanged");
        return TokenOf(await Scenario.ReadAsync(response, HttpStatusCode.OK));
    }

    /// <summary>Uses the code, chooses a new sign-in name, and returns the young person's client with their full token.</summary>
    public static async Task<(HttpClient Youth, string SignInName)> EnrolAsync(ReferralNetwork network, string code)
    {
        var signInName = $"y-{Guid.NewGuid():N}"[..24];
        using var enrolment = WithToken(network, await ExchangeAsync(network, code));
        var full = await Scenario.ReadAsync(
            await enrolment.PostAsJsonAsync("/api/consent/youth/credential", new { signInName, passphrase = Passphrase }), HttpStatusCode.Created);
        return (WithToken(network, TokenOf(full)), signInName);
    }

    public static HttpClient WithToken(ReferralNetwork network, string token)
    {
        var client = new HttpClient { BaseAddress = network.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string TokenOf(System.Text.Json.Nodes.JsonObject answer) => answer["accessToken"]!.GetValue<string>();

    private static async Task<HttpResponseMessage> PostAnonymouslyAsync(ReferralNetwork network, string path, object body)
    {
        using var anonymous = new HttpClient { BaseAddress = network.Gateway };
        return await anonymous.PostAsJsonAsync(path, body);
    }
}
