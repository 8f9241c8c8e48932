using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Gateway;

public sealed class GatewayOptions : IValidatableObject, IOptionsSection
{
    public static string Section => "Gateway";

    /// <summary>Larger request bodies get 413 before anything is forwarded.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>POST /dev/token issues test tokens. Only for local development; 404 when off.</summary>
    public bool DevTokens { get; set; }

    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Proxies in front of the gateway whose X-Forwarded-For is believed (addresses, or networks as 10.0.0.0/8). Empty:
    /// the header is ignored and the connection's address is the client's, so nobody picks their own rate-limit bucket.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TrustedProxies.Where(p => !(p.Contains('/') ? System.Net.IPNetwork.TryParse(p, out _) : System.Net.IPAddress.TryParse(p, out _)))
            .Select(p => new ValidationResult($"Gateway:TrustedProxies: '{p}' is not an IP address or a network like 10.0.0.0/8.", [nameof(TrustedProxies)]));
}

public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per second for one user (token subject).</summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerSecond { get; set; } = 100;

    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 200;

    /// <summary>Per client address on the anonymous routes (self-referral, youth access code): low, against guessing.</summary>
    [Range(1, int.MaxValue)]
    public int AnonymousPermitsPerMinute { get; set; } = 20;

    /// <summary>
    /// Answers 401 per client address and minute (bad or missing tokens, wrong codes, wrong passphrases); past them the
    /// address gets 429 for the rest of the minute, whatever it sends.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int FailedAuthenticationsPerMinute { get; set; } = 30;

    /// <summary>Per client address on health and development tokens: enough for probes every second.</summary>
    [Range(1, int.MaxValue)]
    public int ProbePermitsPerMinute { get; set; } = 120;
}
