using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Gateway;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Larger request bodies get 413 before anything is forwarded.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>POST /dev/token issues test tokens. Only for local development; 404 when off.</summary>
    public bool DevTokens { get; set; }

    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();
}

public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per second for one user (token subject).</summary>
    [Range(1, 100_000)]
    public int PermitsPerSecond { get; set; } = 100;

    [Range(1, 100_000)]
    public int Burst { get; set; } = 200;

    /// <summary>Per client address on the anonymous routes (self-referral, youth access code): low, against guessing.</summary>
    [Range(1, 100_000)]
    public int AnonymousPermitsPerMinute { get; set; } = 20;
}
