using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Gateway.Limits;
using ReferralNet.Testing;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace ReferralNet.Gateway.Tests.Limits;

/// <summary>The share of new work the gateway lets in, from the queue times its health probes read (budget 300 ms, adjusted every 500 ms).</summary>
[Trait(Tier.Trait, Tier.Unit)]
public sealed class NetworkPressureTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);
    private readonly ShiftedTime _time = new();
    private readonly RecordedHealth _health = new();
    private readonly NetworkPressure _pressure;
    private readonly ClusterState _matching = new("matching");
    private readonly DestinationState _primary = new("primary");

    public NetworkPressureTests() =>
        _pressure = new NetworkPressure(_health, Options.Create(new GatewayOptions()), _time);

    [Fact]
    public void A_service_behind_its_budget_cuts_the_share_in_proportion_then_it_grows_back_once_caught_up()
    {
        Probe(queueTimeMs: 1200);
        Assert.Equal(0.25, _pressure.Admitted, 3); // 300 / 1200

        Probe(queueTimeMs: 1200);
        Assert.Equal(0.25, _pressure.Admitted, 3); // what was queued before the cut still shows: no second cut yet

        Probe(queueTimeMs: 100);
        Probe(queueTimeMs: 100);
        Assert.Equal(0.45, _pressure.Admitted, 3);

        for (var i = 0; i < 10; i++)
        {
            Probe(queueTimeMs: 0);
        }
        Assert.Equal(1, _pressure.Admitted, 3);
    }

    [Fact]
    public void A_service_that_stays_behind_is_cut_again_down_to_the_least_share_never_to_nothing()
    {
        for (var i = 0; i < 40; i++)
        {
            Probe(queueTimeMs: 400);
        }

        Assert.Equal(new GatewayOptions().Pressure.LeastAdmitted, _pressure.Admitted, 3);
    }

    [Fact]
    public void A_destination_that_stopped_answering_no_longer_holds_the_share_down()
    {
        Probe(queueTimeMs: 3000);
        var cut = _pressure.Admitted;
        _time.Advance(TimeSpan.FromSeconds(4));

        _pressure.ProbingCompleted(_matching, [new DestinationProbingResult(_primary, null, new HttpRequestException("refused"))]);

        Assert.Equal(cut + 0.1, _pressure.Admitted, 3);
        Assert.Equal(DestinationHealth.Unhealthy, _health.Last[_primary]);
    }

    [Fact]
    public void A_destination_is_healthy_when_its_readiness_answers_2xx()
    {
        Probe(queueTimeMs: 0);
        Assert.Equal(DestinationHealth.Healthy, _health.Last[_primary]);

        _time.Advance(Step);
        _pressure.ProbingCompleted(_matching, [new DestinationProbingResult(_primary, new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), null)]);
        Assert.Equal(DestinationHealth.Unhealthy, _health.Last[_primary]);
    }

    private void Probe(int queueTimeMs)
    {
        _time.Advance(Step);
        var ready = new HttpResponseMessage(HttpStatusCode.OK);
        ready.Headers.Add(QueueTime.Header, queueTimeMs.ToString(CultureInfo.InvariantCulture));
        _pressure.ProbingCompleted(_matching, [new DestinationProbingResult(_primary, ready, null)]);
    }

    private sealed class RecordedHealth : IDestinationHealthUpdater
    {
        public Dictionary<DestinationState, DestinationHealth> Last { get; } = [];

        public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
        {
            foreach (var state in newHealthStates)
            {
                Last[state.Destination] = state.NewActiveHealth;
            }
        }

        public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod) =>
            Last[destination] = newHealth;
    }
}
