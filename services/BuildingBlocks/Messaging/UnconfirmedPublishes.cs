using System.Collections.Concurrent;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// For each message type, since when no message of it this service published has been confirmed by the broker
/// (refused, or not confirmed within the outbox's publish timeout); a confirm clears its type. RabbitMQ 3.10 refuses
/// every further message a channel publishes to a quorum queue whose leader died while the channel was open, until the
/// channel is opened again, while messages to other queues go through (seen in the cluster test: MassTransit retries
/// the refused publish until the timeout); <see cref="BusWatch"/> then restarts the bus, which opens new channels.
/// Measured on the system clock, as the watch's other waits.
/// </summary>
public sealed class UnconfirmedPublishes
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly ConcurrentDictionary<Type, long> _since = new();

    public void Confirmed(Type message) => _since.TryRemove(message, out _);

    public void Failed(Type message) => _since.TryAdd(message, Clock.GetTimestamp());

    /// <summary>The longest any message type has gone unconfirmed; zero while every type is confirmed.</summary>
    public TimeSpan Longest => _since.Values.Select(since => Clock.GetElapsedTime(since)).DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>Counts again from now (after a restart of the bus, or while the broker is away).</summary>
    public void Clear() => _since.Clear();
}
