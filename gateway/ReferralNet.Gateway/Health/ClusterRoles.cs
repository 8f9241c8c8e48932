using Yarp.ReverseProxy.Configuration;

namespace ReferralNet.Gateway.Health;

/// <summary>
/// What a cluster behind the gateway is: a service of the API, or (<c>"Metadata": { "Serves": "Pages" }</c>) the web
/// app, a client of the API that the gateway also fronts. Only services make up the API's readiness and its contract.
/// </summary>
public static class ClusterRoles
{
    public static bool ServesPages(ClusterConfig cluster) => cluster.Metadata?.GetValueOrDefault("Serves") == "Pages";
}
