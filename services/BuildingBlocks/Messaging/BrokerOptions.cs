using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using RabbitMQ.Client;

namespace ReferralNet.BuildingBlocks.Messaging;

public sealed partial class BrokerOptions : IOptionsSection, IValidatableObject
{
    public static string Section => "Broker";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    /// <summary>
    /// The nodes of a RabbitMQ cluster ("host:port" each), instead of <see cref="Host"/> and <see cref="Port"/>: the
    /// service connects to one of them and, when it dies, to another.
    /// </summary>
    public string[] Nodes { get; set; } = [];

    /// <summary>Where the service may connect: <see cref="Nodes"/>, or the one <see cref="Host"/>.</summary>
    public IReadOnlyList<AmqpTcpEndpoint> Endpoints => Nodes.Length > 0
        ? [.. Nodes.Select(node => AmqpTcpEndpoint.Parse(node))]
        : [new AmqpTcpEndpoint(Host, Port)];

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

    /// <summary>Immediate retries (with exponential back-off) before a message is redelivered later (<see cref="RedeliveryIntervals"/>).</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a message that still fails after its immediate retries waits before each next delivery: the last
    /// interval repeats until <see cref="RedeliverFor"/> has passed since its first failure. Each interval is a delay
    /// queue of the broker (a TTL and a dead-letter route back to the consumer's queue): no plugin.
    /// </summary>
    /// <remarks>Empty means <see cref="DefaultRedeliveryIntervals"/> (a configured list would be added to a non-empty default, not replace it).</remarks>
    public TimeSpan[] RedeliveryIntervals { get; set; } = [];

    public static readonly IReadOnlyList<TimeSpan> DefaultRedeliveryIntervals =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    public IReadOnlyList<TimeSpan> Redelivery => RedeliveryIntervals.Length > 0 ? RedeliveryIntervals : DefaultRedeliveryIntervals;

    /// <summary>After this long failing, a message is parked (its queue's _parked queue) for an operator to redrive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RedeliverFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often <see cref="BusWatch"/> looks for a queue of this service without a consumer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WatchConsumersEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a queue of this service may have no consumer while the broker answers before <see cref="BusWatch"/>
    /// restarts the bus: well past a normal reconnect (about 20 s after a broker restart here), which a restart would interrupt.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RestartBusWithoutConsumersAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long no message of a type this service publishes may be confirmed, while the broker answers, before
    /// <see cref="BusWatch"/> restarts the bus (<see cref="UnconfirmedPublishes"/>): a broker that answers confirms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RestartBusWithoutConfirmsAfter { get; set; } = TimeSpan.FromSeconds(10);

    private ConnectionFactory ConnectionFactory() => new()
    {
        HostName = Endpoints[0].HostName, Port = Endpoints[0].Port, VirtualHost = VirtualHost, UserName = Username, Password = Password,
    };

    /// <summary>A plain client connection to the broker, to any node that answers (the delay queues, counting parked messages).</summary>
    public Task<IConnection> ConnectAsync(CancellationToken ct) => ConnectionFactory().CreateConnectionAsync(Endpoints, ct);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Nodes.Any(node => !ClusterNode().IsMatch(node)))
        {
            yield return new ValidationResult("are each host:port", [nameof(Nodes)]);
        }
        if (RedeliveryIntervals.Length > 10 || RedeliveryIntervals.Any(i => i < TimeSpan.FromMilliseconds(100) || i > TimeSpan.FromDays(1)))
        {
            yield return new ValidationResult("has at most ten intervals, each from 100 ms to a day", [nameof(RedeliveryIntervals)]);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+:[0-9]{1,5}$")]
    private static partial Regex ClusterNode();
}
