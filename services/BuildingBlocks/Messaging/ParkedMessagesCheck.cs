using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Degraded while any consumer queue of this service has parked messages: the service still works, but something it
/// was told did not take effect and waits for an operator (<c>deploy/ops.sh parked</c>, <c>deploy/ops.sh redrive</c>).
/// Read from the broker at most every <see cref="KeptFor"/> (one instance per service, so the reading is kept).
/// </summary>
internal sealed class ParkedMessagesCheck(RedeliveryQueues queues, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(5);

    private (HealthCheckResult Result, DateTimeOffset ReadAt)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_last is { } last && now - last.ReadAt < KeptFor)
        {
            return last.Result;
        }
        HealthCheckResult result;
        try
        {
            var parked = await queues.ParkedAsync(ct);
            result = parked.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded($"{parked.Values.Sum(c => c)} parked: {string.Join(", ", parked.Select(p => $"{p.Key}{RedeliveryQueues.ParkedSuffix} ({p.Value})"))}",
                    data: parked.ToDictionary(p => p.Key + RedeliveryQueues.ParkedSuffix, p => (object)p.Value));
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            result = HealthCheckResult.Healthy("The broker does not answer; the bus check reports it."); // not this check's to say
        }
        _last = (result, now);
        return result;
    }
}
