using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.BuildingBlocks.Web;

namespace ReferralNet.Demo;

/// <summary>Talks to the network through the gateway only, as any client would; tokens come from /dev/token.</summary>
public sealed class GatewayClient(Uri gateway)
{
    private readonly HttpClient _anonymous = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway };

    public Uri Address => gateway;

    /// <summary>Waits for <paramref name="health"/> to answer 200: the gateway's readiness covers every service behind it.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan within, string health = "/health/ready")
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                if ((await _anonymous.GetAsync(health)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{gateway}{health.TrimStart('/')} did not answer 200 within {within.TotalSeconds:0} s.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>A client with a development token; a <paramref name="careful"/> one waits out 503s with Retry-After (<see cref="RetryAfterHonoured"/>).</summary>
    public async Task<HttpClient> AsAsync(string sub, string role, Guid? agency = null, bool careful = false)
    {
        var response = await _anonymous.PostAsJsonAsync("/dev/token", new { sub, role, agency });
        var token = (await ReadAsync(response, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        var client = careful
            ? new HttpClient(new RetryAfterHonoured()) { BaseAddress = gateway }
            : new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Anonymous => _anonymous;

    /// <summary>Retries a 409 with Retry-After: a service has not received an event it needs yet (milliseconds).</summary>
    public static async Task<HttpResponseMessage> UntilKnownAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.Conflict || response.Headers.RetryAfter is null || DateTime.UtcNow > deadline)
            {
                return response;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
        return JsonNode.Parse(body)!.AsObject();
    }
}
