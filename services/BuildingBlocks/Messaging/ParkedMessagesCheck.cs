using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReferralNet.BuildingBlocks.Data;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Degraded while any consumer queue of this service has parked messages, or its outbox parked rows: the service still
/// works, but something it was told did not take effect, or something it said did not go out, and waits for an
/// operator (<c>deploy/ops.sh parked</c>, <c>deploy/ops.sh redrive</c>).
/// Read from the broker at most every <see cref="KeptFor"/> (one instance per service, so the reading is kept).
/// </summary>
internal sealed class ParkedMessagesCheck(RedeliveryQueues queues, Database database, TimeProvider time) : IHealthCheck
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
        var parked = new Dictionary<string, long>();
        try
        {
            foreach (var (queue, count) in await queues.ParkedAsync(ct))
            {
                parked[queue + RedeliveryQueues.ParkedSuffix] = count;
            }
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            // The broker does not answer: the bus check reports that.
        }
        if (await database.QuerySingleOrDefaultAsync<long>(OutboxSql.CountParked, null, ct) is > 0 and var rows)
        {
            parked["outbox"] = rows;
        }
        var result = parked.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{parked.Values.Sum()} parked: {string.Join(", ", parked.Select(p => $"{p.Key} ({p.Value})"))}",
                data: parked.ToDictionary(p => p.Key, p => (object)p.Value));
        _last = (result, now);
        return result;
    }
}
