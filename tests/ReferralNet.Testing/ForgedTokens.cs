using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.Testing;

/// <summary>Tokens the network's issuers would never give: expired, of another key or issuer, with an over-long subject.</summary>
public static class ForgedTokens
{
    public static string Sign(
        SecurityKey key, IEnumerable<Claim> claims, DateTime notBefore, DateTime expires, string issuer = TestIssuers.Development,
        string algorithm = SecurityAlgorithms.EcdsaSha256) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = "referralnet",
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
}
