using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// Signs tokens with this process's private key (Auth:Signing, ES256 with its kid): the gateway's development tokens
/// and the consent service's youth tokens. Every process validates them with the issuer's public key only.
/// </summary>
public sealed class TokenIssuer(IOptions<AuthOptions> auth, IssuerKeys keys, TimeProvider time)
{
    public bool CanIssue => keys.Signing is not null;

    public (string Token, DateTimeOffset ExpiresAt) Issue(
        string sub, string role, Guid? agency, Guid? person, TimeSpan lifetime, IEnumerable<Claim>? more = null)
    {
        var credentials = keys.Signing ?? throw new InvalidOperationException("Auth:Signing is not set: this process issues no tokens.");
        var claims = new List<Claim> { new(ClaimNames.Subject, sub), new(ClaimNames.Role, role) };
        claims.AddRange(more ?? []);
        if (agency is { } agencyId)
        {
            claims.Add(new Claim(ClaimNames.Agency, agencyId.ToString()));
        }
        if (person is { } personId)
        {
            claims.Add(new Claim(ClaimNames.Person, personId.ToString()));
        }
        var now = time.GetUtcNow();
        var expiresAt = now + lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = auth.Value.Signing!.Issuer,
            Audience = auth.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = credentials,
        });
        return (token, expiresAt);
    }
}
