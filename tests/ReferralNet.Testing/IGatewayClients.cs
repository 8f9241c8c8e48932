using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ReferralNet.Testing;

/// <summary>A running network as its clients reach it: through the gateway, with development tokens.</summary>
public interface IGatewayClients
{
    /// <summary>A client of the gateway, anonymous or carrying a development token for the given identity.</summary>
    Task<HttpClient> ClientAsync(string? role = null, Guid? agency = null, Guid? person = null, string? sub = null);
}

public static class DevelopmentTokens
{
    /// <summary>A client of <paramref name="gateway"/>; with a role, carrying a token from its development issuer.</summary>
    public static async Task<HttpClient> ClientAsync(
        Uri gateway, string? role, Guid? agency = null, Guid? person = null, string? sub = null, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient { BaseAddress = gateway } : new HttpClient(handler) { BaseAddress = gateway };
        if (role is null)
        {
            return client;
        }
        var response = await client.PostAsJsonAsync("/dev/token", new { sub = sub ?? $"{role}-{Guid.NewGuid():N}", role, agency, person });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);
}
