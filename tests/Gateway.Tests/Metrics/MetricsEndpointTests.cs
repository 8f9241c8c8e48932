using ReferralNet.Testing;

namespace ReferralNet.Gateway.Tests.Metrics;

/// <summary>The Prometheus scrape endpoint of a production deployment: on the metrics port, and nowhere else.</summary>
[Collection(NetworkCollection.Name)]
public sealed class MetricsEndpointTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Metrics_are_answered_on_the_metrics_port()
    {
        var port = FreePorts.Next();
        await using var gateway = _network.StartGateway(new Dictionary<string, string?> { ["Telemetry:PrometheusPort"] = port.ToString() }, port);
        using var prometheus = new HttpClient { BaseAddress = gateway.Gateway };

        var metrics = await prometheus.GetStringAsync("/metrics");

        Assert.Contains("# TYPE referralnet_gateway_admitted_share gauge", metrics);
    }

    [Fact]
    public async Task The_public_port_answers_no_metrics_whatever_host_a_request_names()
    {
        var metricsPort = FreePorts.Next();
        await using var gateway = _network.StartGateway(new Dictionary<string, string?> { ["Telemetry:PrometheusPort"] = metricsPort.ToString() });
        using var anyone = new HttpClient { BaseAddress = gateway.Gateway };

        var plain = await anyone.GetAsync("/metrics");
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = $"localhost:{metricsPort}" } };
        var named = await anyone.SendAsync(forged);

        Assert.DoesNotContain("# TYPE", await plain.Content.ReadAsStringAsync());
        Assert.DoesNotContain("# TYPE", await named.Content.ReadAsStringAsync());
    }
}
