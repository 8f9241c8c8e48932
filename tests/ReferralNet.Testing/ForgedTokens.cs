using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.Testing;

/// <summary>Tokens the development issuer would never give: expired, of another key, with an over-long subject.</summary>
public static class ForgedTokens
{
    public static readonly SymmetricSecurityKey NetworkKey = new(Encoding.UTF8.GetBytes(ReferralNetwork.SigningKey));

    public static string Sign(SymmetricSecurityKey key, IEnumerable<Claim> claims, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = "referralnet",
            Audience = "referralnet",
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
}
