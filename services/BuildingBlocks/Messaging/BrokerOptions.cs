using System.ComponentModel.DataAnnotations;

namespace ReferralNet.BuildingBlocks.Messaging;

public sealed class BrokerOptions : IOptionsSection
{
    public static string Section => "Broker";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    public string Username { get; set; } = "guest";

    [Required]
    public string Password { get; set; } = "guest";

    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 64;

    /// <summary>
    /// Messages an endpoint handles at once, each in its own transaction. Prefetch keeps the next ones at hand; more
    /// concurrent transactions than this only queue for the CPU and for the same rows.
    /// </summary>
    [Range(1, 1000)]
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>Immediate retries (with exponential back-off) before a message goes to its endpoint's _error queue.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(2);
}
