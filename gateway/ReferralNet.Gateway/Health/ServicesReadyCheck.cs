using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace ReferralNet.Gateway.Health;

/// <summary>
/// The gateway is ready when every service behind it has an instance that answers its own /health/ready (with two
/// instances, one that is away or restarting leaves the other to serve: YARP's health checks route around it). A
/// cluster that serves pages (the web app, <see cref="ClusterRoles.ServesPages"/>) does not hold up the API's readiness.
/// </summary>
internal sealed class ServicesReadyCheck(IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var client = clients.CreateClient(HttpClientName);
        var checks = proxy.GetClusters()
            .Where(cluster => !ClusterRoles.ServesPages(cluster.Model.Config))
            .SelectMany(cluster => cluster.Destinations.Values.Select(d => (Cluster: cluster.ClusterId, d.Model.Config.Address)))
            .Select(async destination =>
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(new Uri(destination.Address), "/health/ready"), ct);
                    return (destination.Cluster, Ready: response.IsSuccessStatusCode);
                }
                catch (HttpRequestException)
                {
                    return (destination.Cluster, Ready: false);
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    return (destination.Cluster, Ready: false);
                }
            });
        var notReady = (await Task.WhenAll(checks)).GroupBy(c => c.Cluster).Where(cluster => !cluster.Any(c => c.Ready)).Select(c => c.Key).ToList();
        return notReady.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Not ready: {string.Join(", ", notReady)}.");
    }
}
