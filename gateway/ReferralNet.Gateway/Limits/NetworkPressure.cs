using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace ReferralNet.Gateway.Limits;

/// <summary>
/// The gateway's active health checks, which also read how far each service's background work is behind
/// (<see cref="QueueTime.Header"/> on its readiness answer). While any service's messages wait longer than
/// <see cref="PressureOptions.QueueTimeBudget"/>, the share of new work (writes) let in shrinks each adjustment, by
/// budget / queue time or <see cref="PressureOptions.DecreaseBy"/> whichever cuts deeper; once every service is within
/// it, the share grows back step by step (additive increase, multiplicative decrease). A destination is healthy when its readiness answers 2xx.
/// </summary>
public sealed class NetworkPressure(IDestinationHealthUpdater health, IOptions<GatewayOptions> options, TimeProvider time) : IActiveHealthCheckPolicy
{
    public const string PolicyName = "ReadyAndQueueTime";
    public const string NetworkBehind = "network-behind";

    private static readonly Meter Meter = new("ReferralNet.Gateway.Pressure");

    // A destination that has not answered for this long (removed, or down: then unhealthy) does not count.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, (double Milliseconds, DateTimeOffset At)> _queueTimes = new();
    private readonly Lock _lock = new();
    private DateTimeOffset _adjustedAt = time.GetUtcNow();
    private double _admitted = 1;
    private DateTimeOffset _cutHeldUntil;

    public NetworkPressure Observed()
    {
        Meter.CreateObservableGauge("referralnet.gateway.admitted_share", () => Admitted, description: "Share of new work let in");
        return this;
    }

    public string Name => PolicyName;

    /// <summary>The share of new work let in, 1 when no service is behind.</summary>
    public double Admitted => Volatile.Read(ref _admitted);

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        health.SetActive(cluster, probingResults.Select(result => new NewActiveDestinationHealth(result.Destination,
            result.Response is { IsSuccessStatusCode: true } ? DestinationHealth.Healthy : DestinationHealth.Unhealthy)));
        foreach (var result in probingResults)
        {
            if (result.Response?.Headers.TryGetValues(QueueTime.Header, out var values) == true
                && double.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            {
                _queueTimes[result.Destination.DestinationId + "@" + cluster.ClusterId] = (milliseconds, time.GetUtcNow());
            }
        }
        Adjust();
    }

    private void Adjust()
    {
        var settings = options.Value.Pressure;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now - _adjustedAt < settings.AdjustEvery)
            {
                return;
            }
            _adjustedAt = now;
            var longest = _queueTimes.Values.Where(q => now - q.At < StaleAfter)
                .Select(q => q.Milliseconds).DefaultIfEmpty(0).Max();
            var budget = settings.QueueTimeBudget.TotalMilliseconds;
            if (longest <= budget)
            {
                Volatile.Write(ref _admitted, Math.Min(1, _admitted + settings.IncreaseBy));
            }
            else if (now >= _cutHeldUntil)
            {
                // The further behind, the deeper the cut: a burst is met in one step, not over many. What was queued
                // before a cut still shows for about one queue time afterwards, so the next cut waits that long.
                Volatile.Write(ref _admitted, Math.Max(settings.LeastAdmitted, _admitted * Math.Min(settings.DecreaseBy, budget / longest)));
                _cutHeldUntil = now + TimeSpan.FromMilliseconds(longest);
            }
        }
    }
}
