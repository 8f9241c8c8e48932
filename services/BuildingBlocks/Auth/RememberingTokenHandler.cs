using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// Validates a token once per process: an ES256 verification costs far more than the request it guards, and a client
/// sends the same token for hours. A token that passed is remembered (by its SHA-256) until it expires; the same bytes
/// passed the same checks, and the issuer, audience and keys of this process do not change while it runs. A token
/// that failed is not remembered, and the events after validation (subject length, the issuer's roles) run every time.
/// </summary>
internal sealed class RememberingTokenHandler : JsonWebTokenHandler
{
    private readonly MemoryCache _passed = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (_passed.TryGetValue(key, out TokenValidationResult? passed) && passed!.SecurityToken.ValidTo > DateTime.UtcNow)
        {
            // A copy of the identity: what one request adds to its principal must not reach the next.
            return new TokenValidationResult
            {
                IsValid = true, ClaimsIdentity = passed.ClaimsIdentity.Clone(), SecurityToken = passed.SecurityToken,
                Issuer = passed.Issuer, TokenType = passed.TokenType,
            };
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid)
        {
            _passed.Set(key, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = result.SecurityToken.ValidTo });
        }
        return result;
    }
}
