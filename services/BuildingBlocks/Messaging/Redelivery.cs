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
/// routing key, with the same message id (so the inbox keeps its effect to once); after
/// <see cref="BrokerOptions.RedeliverFor"/>, into the queue's <c>_parked</c> queue, kept for an operator.
/// </summary>
public sealed class RedeliveryQueues(IOptions<BrokerOptions> options)
{
    public const string ParkedSuffix = "_parked";
    public const string FirstFailedAtHeader = "ReferralNet-First-Failed-At";
    public const string RedeliveriesHeader = "ReferralNet-Redeliveries";
    public const string FaultHeader = "ReferralNet-Fault";

    private readonly SemaphoreSlim _declaring = new(1, 1);
    private volatile bool _declared;

    public static string DelayQueue(TimeSpan interval) => $"referralnet.redelivery.{(long)interval.TotalMilliseconds}ms";

    /// <summary>The consumer queues of this service (their names as the bus named them).</summary>
    public ConcurrentDictionary<string, byte> ConsumerQueues { get; } = new();

    /// <summary>Declares the delay queues once: a fanout exchange each, bound to a queue whose TTL dead-letters to the default exchange.</summary>
    public async Task EnsureDeclaredAsync(CancellationToken ct)
    {
        if (_declared)
        {
            return;
        }
        await _declaring.WaitAsync(ct);
        try
        {
            if (_declared)
            {
                return;
            }
            await using var connection = await options.Value.ConnectionFactory().CreateConnectionAsync(ct);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
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
            _declared = true;
        }
        finally
        {
            _declaring.Release();
        }
    }

    /// <summary>How many messages wait in each consumer queue's _parked queue (those with none are left out).</summary>
    public async Task<IReadOnlyDictionary<string, uint>> ParkedAsync(CancellationToken ct)
    {
        var parked = new Dictionary<string, uint>();
        await using var connection = await options.Value.ConnectionFactory().CreateConnectionAsync(ct);
        foreach (var queue in ConsumerQueues.Keys.Order())
        {
            // A passive declare of a queue that does not exist closes its channel: one channel per queue.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                var count = (await channel.QueueDeclarePassiveAsync(queue + ParkedSuffix, ct)).MessageCount;
                if (count > 0)
                {
                    parked[queue] = count;
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // never parked anything
            }
        }
        return parked;
    }
}

/// <summary>
/// Around a consumer's retries: when they are spent, the message is sent on to its next delivery, or parked after the
/// horizon, and acknowledged here; so a failing message neither blocks its queue nor is dropped.
/// </summary>
public sealed class RedeliveryFilter<T>(RedeliveryQueues queues, IOptions<BrokerOptions> options, TimeProvider time, ServiceIdentity service,
    ILogger<RedeliveryFilter<T>> log) : IFilter<ConsumeContext<T>> where T : class
{
    private static readonly Meter Meter = new("ReferralNet.Messaging");
    private static readonly Counter<long> Redelivered = Meter.CreateCounter<long>("referralnet.messages.redelivered");
    private static readonly Counter<long> Parked = Meter.CreateCounter<long>("referralnet.messages.parked");

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
        {
            await RedeliverOrParkAsync(context, e);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("redelivery");

    private async Task RedeliverOrParkAsync(ConsumeContext<T> context, Exception failure)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var firstFailedAt = context.Headers.Get<string>(RedeliveryQueues.FirstFailedAtHeader) is { } first && DateTimeOffset.TryParse(first, out var at) ? at : now;
        var redeliveries = context.Headers.Get(RedeliveryQueues.RedeliveriesHeader, (int?)0) ?? 0;
        var interval = settings.Redelivery[Math.Min(redeliveries, settings.Redelivery.Count - 1)];
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
        var tags = new TagList { { "service", service.Name }, { "message_type", typeof(T).Name } };
        var park = now + interval - firstFailedAt > settings.RedeliverFor;
        if (!park)
        {
            await queues.EnsureDeclaredAsync(context.CancellationToken);
        }
        var address = park
            ? new Uri($"queue:{queue}{RedeliveryQueues.ParkedSuffix}")
            : new Uri($"exchange:{RedeliveryQueues.DelayQueue(interval)}?type=fanout");
        var fault = $"{failure.GetType().Name}: {failure.Message}";
        var endpoint = await context.GetSendEndpoint(address);
        await endpoint.Send(context.Message, send =>
        {
            send.MessageId = context.MessageId;
            send.CorrelationId = context.CorrelationId;
            send.ConversationId = context.ConversationId;
            foreach (var (key, value) in context.Headers.GetAll().Where(h => !h.Key.StartsWith("MT-", StringComparison.Ordinal)))
            {
                send.Headers.Set(key, value);
            }
            send.Headers.Set(RedeliveryQueues.FirstFailedAtHeader, firstFailedAt.ToString("O"));
            send.Headers.Set(RedeliveryQueues.RedeliveriesHeader, redeliveries + 1);
            send.Headers.Set(RedeliveryQueues.FaultHeader, fault.Length > 500 ? fault[..500] : fault);
            if (!park)
            {
                send.SetRoutingKey(queue);
            }
        }, context.CancellationToken);
        if (park)
        {
            Parked.Add(1, tags);
            log.LogError(failure, "{MessageType} {MessageId} kept failing for {Horizon}; parked in {Queue}{Suffix} for an operator to redrive",
                typeof(T).Name, context.MessageId, settings.RedeliverFor, queue, RedeliveryQueues.ParkedSuffix);
        }
        else
        {
            Redelivered.Add(1, tags);
            log.LogWarning(failure, "{MessageType} {MessageId} failed after its retries; delivered again in {Interval} (redelivery {Redelivery})",
                typeof(T).Name, context.MessageId, interval, redeliveries + 1);
        }
    }
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
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, WithoutOwnHeaders(parked.Body), ct);
            await channel.BasicAckAsync(parked.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }

    private static readonly string[] OwnHeaders =
        [RedeliveryQueues.FirstFailedAtHeader, RedeliveryQueues.RedeliveriesHeader, RedeliveryQueues.FaultHeader];

    // MassTransit keeps headers in its JSON envelope too.
    private static ReadOnlyMemory<byte> WithoutOwnHeaders(ReadOnlyMemory<byte> body)
    {
        if (System.Text.Json.Nodes.JsonNode.Parse(body.Span) is not System.Text.Json.Nodes.JsonObject envelope
            || envelope["headers"] is not System.Text.Json.Nodes.JsonObject headers)
        {
            return body;
        }
        foreach (var header in OwnHeaders)
        {
            headers.Remove(header);
        }
        return System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }
}
