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

    [Required]
    public PressureOptions Pressure { get; set; } = new();

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

public sealed class PressureOptions
{
    /// <summary>A service whose messages wait longer than this before a consumer starts on them is behind.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan QueueTimeBudget { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often the share of new work let in is adjusted (the health probes' interval or longer).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AdjustEvery { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The share is multiplied by this (or less, the further behind) while a service is behind...</summary>
    [Range(0.1, 0.99)]
    public double DecreaseBy { get; set; } = 0.8;

    /// <summary>...and grows by this each adjustment once none is.</summary>
    [Range(0.01, 1)]
    public double IncreaseBy { get; set; } = 0.1;

    /// <summary>Some new work is always let in, so the share's effect stays visible.</summary>
    [Range(0.0, 1)]
    public double LeastAdmitted { get; set; } = 0.05;
}
