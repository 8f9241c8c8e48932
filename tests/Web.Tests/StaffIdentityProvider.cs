using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReferralNet.Testing;

namespace ReferralNet.Web.Tests;

/// <summary>
/// An agency's OpenID Connect provider as the web app meets one in production, small enough to read: discovery, its
/// keys, an authorization endpoint at which the one staff member it knows is already signed in, and a token endpoint
/// that checks the code, the client and PKCE and gives an ID token for the web app and an access token the network's
/// gateway trusts (the test network's development issuer stands for the agency's).
/// </summary>
public sealed class StaffIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "referralnet-web";
    public const string ClientSecret = "a secret between the web app and the provider";

    private sealed record Grant(string RedirectUri, string Nonce, string CodeChallenge);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Grant> _grants = new();
    private readonly Claim[] _staffMember;

    private StaffIdentityProvider(Claim[] staffMember)
    {
        _staffMember = staffMember;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => TypedResults.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer, ["authorization_endpoint"] = $"{Issuer}/authorize", ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks", ["response_types_supported"] = new[] { "code" }, ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.EcdsaSha256 },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var key = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(TestIssuers.DevelopmentKey);
            return TypedResults.Json(new { keys = new[] { new { kty = key.Kty, crv = key.Crv, x = key.X, y = key.Y, kid = key.Kid, use = "sig", alg = SecurityAlgorithms.EcdsaSha256 } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    public string Issuer => _app.Urls.First().TrimEnd('/');

    public Uri Authority => new(Issuer);

    /// <summary>Started, knowing one staff member of <paramref name="agency"/> with <paramref name="role"/>.</summary>
    public static async Task<StaffIdentityProvider> StartAsync(string role, Guid agency)
    {
        var provider = new StaffIdentityProvider([new("sub", $"oidc-{role}-{agency:N}"), new("role", role), new("agency", agency.ToString())]);
        await provider._app.StartAsync();
        return provider;
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return TypedResults.BadRequest();
        }
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        _grants[code] = new Grant(query["redirect_uri"]!, query["nonce"]!, query["code_challenge"]!);
        return TypedResults.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !_grants.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"] || grant.CodeChallenge != challenge)
        {
            return TypedResults.BadRequest(new { error = "invalid_grant" });
        }
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([_staffMember[0], new Claim("nonce", grant.Nonce)]),
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(TestIssuers.DevelopmentKey, SecurityAlgorithms.EcdsaSha256),
        });
        var accessToken = ForgedTokens.Sign(TestIssuers.DevelopmentKey, _staffMember, now.AddMinutes(-1), now.AddHours(1));
        return TypedResults.Json(new { access_token = accessToken, id_token = idToken, token_type = "Bearer", expires_in = 3600 });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
