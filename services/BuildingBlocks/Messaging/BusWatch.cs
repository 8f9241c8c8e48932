using MassTransit;
using Microsoft.Extensions.Logging;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Restarts the bus when, although the broker answers, a queue of this service has had no consumer at any look for
/// <see cref="BrokerOptions.RestartBusWithoutConsumersAfter"/>, or no message of a type the service published has been
/// confirmed for <see cref="BrokerOptions.RestartBusWithoutConfirmsAfter"/> (<see cref="UnconfirmedPublishes"/>). After a
/// broker crash the bus reconnects its publishers, but now and then (MassTransit 8.5 with RabbitMQ.Client 7) not its
/// consumers, and nothing fails or logs: messages would wait in the queue for good. With two instances, one that lost
/// its consumers is not seen here while the other consumes; nothing then waits. The waits are measured on the system
/// clock: the service's own <see cref="TimeProvider"/> is the time of its deadlines, which tests move by days.
/// </summary>
internal sealed class BusWatch(
    RedeliveryQueues queues, QueuesBound bound, UnconfirmedPublishes unconfirmed, IBusControl bus, IOptions<BrokerOptions> options, TimeProvider time,
    ILogger<BusWatch> log)
    : PeriodicJob(time, log)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(15);

    private long? _withoutConsumersSince;

    protected override TimeSpan Period => options.Value.WatchConsumersEvery;

    protected override bool RunsAtStart => false;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (!bound.Bound)
        {
            return false; // not connected yet since the start: the bus's own start is still under way
        }
        IReadOnlyDictionary<string, uint> consumers;
        try
        {
            consumers = await queues.ConsumersAsync(ct);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            // The broker is away: reconnecting is the bus's own work, and the waits count from its return.
            _withoutConsumersSince = null;
            unconfirmed.Clear();
            return false;
        }
        if (unconfirmed.Longest >= options.Value.RestartBusWithoutConfirmsAfter)
        {
            log.LogWarning("Messages of a type published have not been confirmed for {Wait} while the broker answers; restarting the bus",
                unconfirmed.Longest);
            unconfirmed.Clear(); // what fails after the restart counts from then
            await RestartAsync(ct);
            return false;
        }
        var idle = consumers.Where(q => q.Value == 0).Select(q => q.Key).ToList();
        if (idle.Count == 0)
        {
            _withoutConsumersSince = null;
            return false;
        }
        _withoutConsumersSince ??= Clock.GetTimestamp();
        if (Clock.GetElapsedTime(_withoutConsumersSince.Value) < options.Value.RestartBusWithoutConsumersAfter)
        {
            return false;
        }
        log.LogWarning("No consumer on {Queues} for {Wait} while the broker answers; restarting the bus",
            string.Join(", ", idle), options.Value.RestartBusWithoutConsumersAfter);
        _withoutConsumersSince = null;
        await RestartAsync(ct);
        return false;
    }

    private async Task RestartAsync(CancellationToken ct)
    {
        using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            stopping.CancelAfter(StopWithin);
            await bus.StopAsync(stopping.Token);
        }
        await bus.StartAsync(ct);
    }
}
