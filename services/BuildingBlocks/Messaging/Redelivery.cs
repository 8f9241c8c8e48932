using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Where a message that still fails after its immediate retries goes: into the broker's delay queue for its next
/// interval (<see cref="BrokerOptions.Redelivery"/>), whose TTL dead-letters it back to the consumer's own queue by
/// routing key, unchanged but for its redelivery headers (so its message id, and the inbox's once, hold); after
/// <see cref="BrokerOptions.RedeliverFor"/>, into the queue's <c>_parked</c> queue, kept for an operator.
/// </summary>
public sealed class RedeliveryQueues(IOptions<BrokerOptions> options) : IAsyncDisposable
{
    public const string ParkedSuffix = "_parked";
    public const string FirstFailedAtHeader = "ReferralNet-First-Failed-At";
    public const string RedeliveriesHeader = "ReferralNet-Redeliveries";
    public const string FaultHeader = "ReferralNet-Fault";

    // One connection for what the bus does not do: redelivering, parking, counting what is parked.
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IConnection? _connection;
    private IChannel? _publisher;

    public static string DelayQueue(TimeSpan interval) => $"referralnet.redelivery.{(long)interval.TotalMilliseconds}ms";

    /// <summary>The consumer queues of this service (their names as the bus named them).</summary>
    public ConcurrentDictionary<string, byte> ConsumerQueues { get; } = new();

    /// <summary>
    /// Publishes a message again, confirmed by the broker: after <paramref name="delay"/> back to <paramref name="queue"/>
    /// (its delay queue dead-letters it there by routing key), or, without a delay, into the queue's _parked queue.
    /// </summary>
    public async Task PublishAsync(string queue, TimeSpan? delay, BasicProperties properties, byte[] body, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var publisher = await PublisherAsync(ct);
            if (delay is { } interval)
            {
                await publisher.BasicPublishAsync(DelayQueue(interval), queue, mandatory: false, properties, body, ct);
            }
            else
            {
                await publisher.QueueDeclareAsync(queue + ParkedSuffix, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
                await publisher.BasicPublishAsync("", queue + ParkedSuffix, mandatory: true, properties, body, ct);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync(); // closes its channels too
        }
    }

    // Callers hold the lock.
    private async Task<IConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is { IsOpen: true })
        {
            return _connection;
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _publisher = null;
        return _connection = await options.Value.ConnectAsync(ct);
    }

    /// <summary>
    /// The confirmed channel redeliveries go out on; opening it declares the delay queues (again after a reconnect:
    /// declaring is idempotent): a fanout exchange each, bound to a queue whose TTL dead-letters to the default exchange.
    /// </summary>
    private async Task<IChannel> PublisherAsync(CancellationToken ct)
    {
        if (_publisher is { IsOpen: true })
        {
            return _publisher;
        }
        var channel = await (await ConnectionAsync(ct)).CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        foreach (var interval in options.Value.Redelivery.Distinct())
        {
            var name = DelayQueue(interval);
            await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
            {
                ["x-message-ttl"] = (long)interval.TotalMilliseconds,
                ["x-dead-letter-exchange"] = "",
            }, cancellationToken: ct);
            await channel.QueueBindAsync(name, name, routingKey: "", cancellationToken: ct);
        }
        return _publisher = channel;
    }

    /// <summary>How many messages wait in each consumer queue's _parked queue (those with none are left out).</summary>
    public async Task<IReadOnlyDictionary<string, uint>> ParkedAsync(CancellationToken ct) =>
        (await DeclarePassiveAsync(ParkedSuffix, ct)).Where(q => q.Value.MessageCount > 0).ToDictionary(q => q.Key, q => q.Value.MessageCount);

    /// <summary>How many consumers each consumer queue of this service has, over all its instances.</summary>
    public async Task<IReadOnlyDictionary<string, uint>> ConsumersAsync(CancellationToken ct) =>
        (await DeclarePassiveAsync("", ct)).ToDictionary(q => q.Key, q => q.Value.ConsumerCount);

    /// <summary>What the broker says of each consumer queue's queue named with <paramref name="suffix"/>, for those that exist.</summary>
    private async Task<Dictionary<string, QueueDeclareOk>> DeclarePassiveAsync(string suffix, CancellationToken ct)
    {
        var declared = new Dictionary<string, QueueDeclareOk>();
        await _lock.WaitAsync(ct);
        try
        {
            var connection = await ConnectionAsync(ct);
            foreach (var queue in ConsumerQueues.Keys.Order())
            {
                // A passive declare of a queue that does not exist closes its channel: one channel per queue.
                await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
                try
                {
                    declared[queue] = await channel.QueueDeclarePassiveAsync(queue + suffix, ct);
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    // not there (a _parked queue of a consumer that never parked anything)
                }
            }
        }
        finally
        {
            _lock.Release();
        }
        return declared;
    }
}

/// <summary>
/// The endpoint's error pipe, in place of MassTransit's move to <c>_error</c>: a message whose retries are spent (alone
/// or as part of a batch) is published again, as it came (body and properties), to the delay queue of its next
/// interval with its queue's name as routing key, or to its queue's <c>_parked</c> queue after the horizon; then
/// MassTransit acknowledges it. So a failing message neither blocks its queue nor is dropped.
/// </summary>
public sealed class RedeliveryOnFault(RedeliveryQueues queues, BrokerOptions settings, TimeProvider time, string service, ILogger log)
    : IFilter<ExceptionReceiveContext>
{
    private static readonly Meter Meter = new("ReferralNet.Messaging");
    private static readonly Counter<long> Redelivered = Meter.CreateCounter<long>("referralnet.messages.redelivered");
    private static readonly Counter<long> Parked = Meter.CreateCounter<long>("referralnet.messages.parked");

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var rabbit = context.GetPayload<RabbitMqBasicConsumeContext>();
        var headers = rabbit.Properties.Headers ?? new Dictionary<string, object?>();
        var now = time.GetUtcNow();
        var firstFailedAt = headers.TryGetValue(RedeliveryQueues.FirstFailedAtHeader, out var first) && first is not null
            ? DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(first, System.Globalization.CultureInfo.InvariantCulture))
            : now;
        var redeliveries = headers.TryGetValue(RedeliveryQueues.RedeliveriesHeader, out var count) && count is not null
            ? Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        var interval = settings.Redelivery[Math.Min(redeliveries, settings.Redelivery.Count - 1)];
        var queue = context.InputAddress.AbsolutePath.Split('/')[^1];
        var park = now + interval - firstFailedAt > settings.RedeliverFor;

        var properties = new BasicProperties(rabbit.Properties)
        {
            Headers = new Dictionary<string, object?>(headers)
            {
                [RedeliveryQueues.FirstFailedAtHeader] = firstFailedAt.ToUnixTimeMilliseconds(),
                [RedeliveryQueues.RedeliveriesHeader] = redeliveries + 1,
                [RedeliveryQueues.FaultHeader] = Faults.Describe(context.Exception),
            },
        };
        await queues.PublishAsync(queue, park ? null : interval, properties, context.Body.GetBytes(), context.CancellationToken);

        var messageType = context.TryGetPayload<ConsumeContext>(out var consumed) && consumed.SupportedMessageTypes.FirstOrDefault() is { } urn
            ? urn[(urn.LastIndexOf(':') + 1)..]
            : "unknown";
        var tags = new TagList { { "service", service }, { "message_type", messageType } };
        if (park)
        {
            Parked.Add(1, tags);
            log.LogError(context.Exception, "{MessageType} {MessageId} kept failing for {Horizon}; parked in {Queue}{Suffix} for an operator to redrive",
                messageType, rabbit.Properties.MessageId, settings.RedeliverFor, queue, RedeliveryQueues.ParkedSuffix);
        }
        else
        {
            Redelivered.Add(1, tags);
            log.LogWarning(context.Exception, "{MessageType} {MessageId} failed after its retries; delivered again in {Interval} (redelivery {Redelivery})",
                messageType, rabbit.Properties.MessageId, interval, redeliveries + 1);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("redelivery");
}

/// <summary>What an operator does with parked messages once the cause is fixed: send them back to their queue.</summary>
public static class ParkedMessages
{
    /// <summary>
    /// Moves every message of <paramref name="queue"/>'s _parked queue back to <paramref name="queue"/>, with its
    /// message id and without its redelivery count, so it starts afresh and the inbox still keeps its effect to once.
    /// Answers how many were moved.
    /// </summary>
    public static async Task<int> RedriveAsync(ConnectionFactory factory, string queue, CancellationToken ct)
    {
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var moved = 0;
        while (await channel.BasicGetAsync(queue + RedeliveryQueues.ParkedSuffix, autoAck: false, ct) is { } parked)
        {
            var properties = new BasicProperties(parked.BasicProperties);
            foreach (var header in OwnHeaders)
            {
                properties.Headers?.Remove(header);
            }
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, parked.Body, ct);
            await channel.BasicAckAsync(parked.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }

    private static readonly string[] OwnHeaders =
        [RedeliveryQueues.FirstFailedAtHeader, RedeliveryQueues.RedeliveriesHeader, RedeliveryQueues.FaultHeader];
}
