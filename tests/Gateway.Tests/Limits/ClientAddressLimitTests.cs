using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using ReferralNet.Testing;

namespace ReferralNet.Gateway.Tests.Limits;

/// <summary>
/// Limits per client address: failed authentications, anonymous routes and probes. The tests' proxy is the loopback
/// address; each test client plays a different address through X-Forwarded-For.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class ClientAddressLimitTests(NetworkFixture fixture)
{
    private static readonly Dictionary<string, string?> Low = new()
    {
        ["Gateway:RateLimit:FailedAuthenticationsPerMinute"] = "3",
        ["Gateway:RateLimit:AnonymousPermitsPerMinute"] = "2",
        ["Gateway:RateLimit:ProbePermitsPerMinute"] = "3",
    };

    private static HttpClient From(GatewayOfItsOwn gateway, string address, string? token = null)
    {
        var client = new HttpClient { BaseAddress = gateway.Gateway };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    private static string ExpiredToken()
    {
        var now = DateTime.UtcNow;
        return ForgedTokens.Sign(TestIssuers.DevelopmentKey, [new Claim("sub", "late"), new Claim("role", "coordinator")], now.AddHours(-2), now.AddHours(-1));
    }

    private static async Task<string> CoordinatorTokenAsync(GatewayOfItsOwn gateway)
    {
        using var anonymous = new HttpClient { BaseAddress = gateway.Gateway };
        var answer = await anonymous.PostAsJsonAsync("/dev/token", new { sub = "limits", role = "coordinator" });
        return (await Scenario.ReadAsync(answer, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_limits()
    {
        await using var gateway = fixture.Network.StartGateway(new Dictionary<string, string?>(Low) { ["Gateway:TrustedProxies:0"] = "127.0.0.1" });
        var valid = await CoordinatorTokenAsync(gateway);

        using (var guesser = From(gateway, "203.0.113.7", ExpiredToken()))
        {
            for (var i = 0; i < 3; i++)
            {
                await Scenario.ReadProblemAsync(await guesser.GetAsync("/api/matching/agencies"), HttpStatusCode.Unauthorized);
            }
        }
        using var sameAddress = From(gateway, "203.0.113.7", valid);
        var locked = await sameAddress.GetAsync("/api/matching/agencies");
        await Scenario.ReadProblemAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        using var otherAddress = From(gateway, "203.0.113.8", valid);
        await Scenario.ReadAsync(await otherAddress.GetAsync("/api/matching/agencies"), HttpStatusCode.OK);

        using var anonymous = From(gateway, "203.0.113.9");
        await Scenario.ReadProblemAsync(await anonymous.PostAsJsonAsync("/api/intake/self-referrals", new { }), HttpStatusCode.UnprocessableEntity);
        await Scenario.ReadProblemAsync(await anonymous.PostAsJsonAsync("/api/intake/self-referrals", new { }), HttpStatusCode.UnprocessableEntity);
        await Scenario.ReadProblemAsync(await anonymous.PostAsJsonAsync("/api/intake/self-referrals", new { }), HttpStatusCode.TooManyRequests);
        using var anotherAnonymous = From(gateway, "203.0.113.10");
        await Scenario.ReadProblemAsync(await anotherAnonymous.PostAsJsonAsync("/api/intake/self-referrals", new { }), HttpStatusCode.UnprocessableEntity);

        using var probe = From(gateway, "203.0.113.11");
        var probes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            probes.Add((await probe.GetAsync("/health/live")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], probes);
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_forwarded_address_is_ignored()
    {
        await using var gateway = fixture.Network.StartGateway(Low);
        var valid = await CoordinatorTokenAsync(gateway);

        for (var i = 0; i < 3; i++)
        {
            using var guesser = From(gateway, $"198.51.100.{i + 1}", ExpiredToken());
            await Scenario.ReadProblemAsync(await guesser.GetAsync("/api/matching/agencies"), HttpStatusCode.Unauthorized);
        }
        using var claimsAnotherAddress = From(gateway, "198.51.100.200", valid);

        await Scenario.ReadProblemAsync(await claimsAnotherAddress.GetAsync("/api/matching/agencies"), HttpStatusCode.TooManyRequests);
    }
}
