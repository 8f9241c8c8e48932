using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// Signs tokens with the network's own key (Auth:SigningKey): the gateway's development tokens and the consent
/// service's youth tokens. Every service validates them like any other token.
/// </summary>
public sealed class TokenIssuer(IOptions<AuthOptions> auth, TimeProvider time)
{
    public bool CanIssue => !string.IsNullOrEmpty(auth.Value.SigningKey);

    public (string Token, DateTimeOffset ExpiresAt) Issue(
        string sub, string role, Guid? agency, Guid? person, TimeSpan lifetime, IEnumerable<Claim>? more = null)
    {
        var claims = new List<Claim> { new("sub", sub), new("role", role) };
        claims.AddRange(more ?? []);
        if (agency is { } agencyId)
        {
            claims.Add(new Claim("agency", agencyId.ToString()));
        }
        if (person is { } personId)
        {
            claims.Add(new Claim("person", personId.ToString()));
        }
        var now = time.GetUtcNow();
        var expiresAt = now + lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = auth.Value.Issuer,
            Audience = auth.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(AuthExtensions.DevelopmentKey(auth.Value), SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }
}
