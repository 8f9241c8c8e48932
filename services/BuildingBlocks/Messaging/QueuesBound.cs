using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Whether the bus has bound this service's queues at least once. A service starts without waiting for the broker, but
/// until its queues exist a message published to them would be routed nowhere, so until then it is not ready (503);
/// once they exist they outlive the connection, and a broker lost later only degrades it.
/// </summary>
public sealed class QueuesBound : IBusObserver, IHealthCheck
{
    private volatile bool _bound;

    public bool Bound => _bound;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(_bound ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The service's queues are not bound yet (no broker since it started)."));

    public Task PostStart(IBus bus, Task<BusReady> busReady)
    {
        // Completes once every receive endpoint is ready, however long the broker takes to come.
        _ = busReady.ContinueWith(ready => _bound |= ready.IsCompletedSuccessfully, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public void PostCreate(IBus bus)
    {
    }

    public void CreateFaulted(Exception exception)
    {
    }

    public Task PreStart(IBus bus) => Task.CompletedTask;

    public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;

    public Task PreStop(IBus bus) => Task.CompletedTask;

    public Task PostStop(IBus bus) => Task.CompletedTask;

    public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
}
