using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ReferralNet.Consent.Features;
using ReferralNet.Gateway;
using ReferralNet.Handoff.Features;
using ReferralNet.Insights.Features.Summary;
using ReferralNet.Intake.Features.OpenReferral;
using ReferralNet.Matching.Features.Services;
using ReferralNet.Support.Features;
using ReferralNet.Web;

namespace ReferralNet.Testing;

/// <summary>
/// The whole network for a test class: the six services and the gateway, each with its own database, on one virtual
/// host of the real broker. Clients talk to it only through the gateway, as a real client would.
/// </summary>
public sealed class ReferralNetwork : IGatewayClients, IAsyncDisposable
{
    /// <summary>The network's intake desk: the agency that leads self-referred cases.</summary>
    public static readonly Guid IntakeDesk = Guid.Parse("0d35c0de-0000-4000-8000-000000000001");
    private const string AdmissionBudget = "00:00:10";

    private readonly List<IAsyncDisposable> _hosts = [];

    private ReferralNetwork(Servers servers) => Servers = servers;

    public Servers Servers { get; }

    public Uri Gateway { get; private set; } = null!;

    /// <summary>
    /// The web app as a browser opens it: through the gateway, by the name localhost (WebAuthn refuses an IP address as
    /// the relying party's id).
    /// </summary>
    public Uri Web => new($"http://localhost:{Gateway.Port}/");

    /// <summary>The web app's own address behind the gateway: for a test that speaks as the proxy in front of it would.</summary>
    public Uri WebApp { get; private set; } = null!;

    /// <summary>Intake's clock: a test moves it days ahead (the read window after closing) and back.</summary>
    public ShiftedTime IntakeTime { get; } = new();

    /// <summary>The intake service's own container, for a test that drives a timed job (dormancy) at a chosen time.</summary>
    public IServiceProvider IntakeServices { get; private set; } = null!;

    /// <summary>The handoff service's clock: a test moves it past a deadline measured in days; its sweep keeps real time.</summary>
    public ShiftedTime HandoffTime { get; } = new();

    /// <summary>The consent service's clock: moved past a reset's delay. Tokens it issues meanwhile carry its time.</summary>
    public ShiftedTime ConsentTime { get; } = new();

    /// <summary>The insights service's clock: moved on, a period that is still running has ended for it.</summary>
    public ShiftedTime InsightsTime { get; } = new();

    /// <summary>The handoff service's own container, for a test that runs its deadline sweep as a second instance would.</summary>
    public IServiceProvider HandoffServices { get; private set; } = null!;

    /// <summary>The support service's clock: a test moves it past a review's day or a follow-up's; its sweep keeps real time.</summary>
    public ShiftedTime SupportTime { get; } = new();

    /// <summary>The support service's own container, for a test that runs its review sweep as a second instance would.</summary>
    public IServiceProvider SupportServices { get; private set; } = null!;

    /// <summary>A second support instance on the same database and broker, started now.</summary>
    public ServiceHost<SupportOptions> StartAnotherSupport() =>
        new ServiceHost<SupportOptions>(_supportSettings, services => services.AddSingleton<TimeProvider>(SupportTime)).Start().UntilReady();

    private IReadOnlyDictionary<string, string?> _supportSettings = new Dictionary<string, string?>();

    /// <summary>Every route of the six services and of the gateway itself (not the proxied ones): the route table.</summary>
    public IReadOnlyList<(string Process, RouteEndpoint Endpoint)> Routes { get; private set; } = [];

    /// <summary>Every span the matching service's tracer saw (in one process it sees all ReferralNet sources).</summary>
    public SpanLog Spans { get; } = new();

    /// <summary>A second handoff instance on the same database and broker, started now (as after a restart, or to scale out).</summary>
    public ServiceHost<HandoffOptions> StartAnotherHandoff() =>
        new ServiceHost<HandoffOptions>(_handoffSettings, services => services.AddSingleton<TimeProvider>(HandoffTime)).Start().UntilReady();

    private IReadOnlyDictionary<string, string?> _handoffSettings = new Dictionary<string, string?>();

    /// <summary><paramref name="serviceSettings"/> are given to every service, over the test defaults (short deadlines, say).</summary>
    public static async Task<ReferralNetwork> StartAsync(
        IReadOnlyDictionary<string, string?>? gatewaySettings = null, int minimumCount = 1, IReadOnlyDictionary<string, string?>? serviceSettings = null)
    {
        var servers = await TestServers.GetAsync();
        var network = new ReferralNetwork(servers);
        var virtualHost = await servers.CreateVirtualHostAsync("network");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        // The gateway is named before it starts: passkeys are made at the web app's origin, which is the gateway's.
        var gatewayPort = FreePorts.Next();

        Dictionary<string, string?> ServiceSettings(string service) => new Dictionary<string, string?>([.. servers.BrokerSettings(virtualHost), .. TestIssuers.Trusted])
        {
            ["Database:ConnectionString"] = servers.Database($"rn_{service}_{suffix}"),
            ["Identity:KeySecret"] = "test-identity-secret-0123456789-abcdefghijkl",
            ["Insights:MinimumCount"] = minimumCount.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.500",
            ["Consent:ExpiryCheckEvery"] = "00:00:00.200",
            ["Consent:ResetCheckEvery"] = "00:00:00.200",
            ["Handoff:SweepEvery"] = "00:00:00.200",
            ["Intake:DeskAgencyId"] = IntakeDesk.ToString(),
            // A loaded test machine must not shed the suite's bursts; admission control has tests of its own.
            ["Admission:QueueBudget"] = AdmissionBudget,
        }.With(serviceSettings);

        // Started one by one: WebApplicationFactory intercepts each Program's host as it is built.
        var intake = network.Add(new ServiceHost<IdentityOptions>(ServiceSettings("intake"),
            services => services.AddSingleton<TimeProvider>(network.IntakeTime)).Start().UntilReady());
        network.IntakeServices = intake.Services;
        var matching = network.Add(new ServiceHost<ServiceDirectory>(new Dictionary<string, string?>(ServiceSettings("matching")) { ["Telemetry:Traces"] = "true" },
            services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(network.Spans))).Start().UntilReady());
        var consent = network.Add(new ServiceHost<ConsentRecord>(
            new Dictionary<string, string?>([.. ServiceSettings("consent"), .. TestIssuers.Signing(TestIssuers.Youth, TestIssuers.YouthKey)])
            {
                ["Consent:PasskeyOrigins:0"] = $"http://localhost:{gatewayPort}",
            }, services => services.AddSingleton<TimeProvider>(network.ConsentTime)).Start().UntilReady());
        network._handoffSettings = ServiceSettings("handoff");
        var handoff = network.Add(network.StartAnotherHandoff());
        network.HandoffServices = handoff.Services;
        var insights = network.Add(new ServiceHost<DisclosureOptions>(ServiceSettings("insights"),
            services => services.AddSingleton<TimeProvider>(network.InsightsTime)).Start().UntilReady());
        network._supportSettings = ServiceSettings("support");
        var support = network.Add(network.StartAnotherSupport());
        network.SupportServices = support.Services;

        var gateway = new Dictionary<string, string?>([.. TestIssuers.Trusted, .. TestIssuers.Signing(TestIssuers.Development, TestIssuers.DevelopmentKey)])
        {
            ["Gateway:DevTokens"] = "true",
            ["Admission:QueueBudget"] = AdmissionBudget,
            // Tests that stop a consumer on purpose must not see their writes refused meanwhile.
            ["Gateway:Pressure:QueueTimeBudget"] = "1.00:00:00",
            ["Gateway:RateLimit:PermitsPerSecond"] = "10000",
            ["Gateway:RateLimit:Burst"] = "10000",
            ["Gateway:RateLimit:AnonymousPermitsPerMinute"] = "10000",
            ["Gateway:RateLimit:FailedAuthenticationsPerMinute"] = "10000",
            ["Gateway:RateLimit:ProbePermitsPerMinute"] = "10000",
            ["ReverseProxy:Clusters:intake:Destinations:primary:Address"] = intake.Address.ToString(),
            ["ReverseProxy:Clusters:matching:Destinations:primary:Address"] = matching.Address.ToString(),
            ["ReverseProxy:Clusters:consent:Destinations:primary:Address"] = consent.Address.ToString(),
            ["ReverseProxy:Clusters:handoff:Destinations:primary:Address"] = handoff.Address.ToString(),
            ["ReverseProxy:Clusters:insights:Destinations:primary:Address"] = insights.Address.ToString(),
            ["ReverseProxy:Clusters:support:Destinations:primary:Address"] = support.Address.ToString(),
        };
        // The web app is named before it starts: the gateway routes to it and it calls the gateway.
        var webPort = FreePorts.Next();
        network.WebApp = new Uri($"http://127.0.0.1:{webPort}/");
        gateway["ReverseProxy:Clusters:web:Destinations:primary:Address"] = $"http://127.0.0.1:{webPort}";
        gateway.With(gatewaySettings);
        network._gatewaySettings = gateway;
        // The development issuer starts only in the Development environment.
        var gatewayHost = network.Add(new ServiceHost<GatewayOptions>(gateway, environment: "Development", port: gatewayPort).Start());
        network.Gateway = gatewayHost.Address;
        network.Add(new ServiceHost<WebOptions>(new Dictionary<string, string?>
        {
            ["Web:Gateway"] = network.Gateway.ToString(),
            ["Web:DevSignIn"] = "true",
            ["Web:DeskAgencyId"] = IntakeDesk.ToString(),
            ["Database:ConnectionString"] = servers.Database($"rn_web_{suffix}"),
        }, environment: "Development", port: webPort).Start().UntilReady());
        network.Routes = [.. RoutesOf("intake", intake.Services), .. RoutesOf("matching", matching.Services),
            .. RoutesOf("consent", consent.Services), .. RoutesOf("handoff", handoff.Services), .. RoutesOf("insights", insights.Services),
            .. RoutesOf("support", support.Services),
            .. RoutesOf("gateway", gatewayHost.Services).Where(r => r.Endpoint.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>() is null)];
        return network;
    }

    public Task<HttpClient> ClientAsync(string? role = null, Guid? agency = null, Guid? person = null, string? sub = null) =>
        DevelopmentTokens.ClientAsync(Gateway, role, agency, person, sub);

    private Dictionary<string, string?> _gatewaySettings = [];

    /// <summary>
    /// Another gateway in front of this network's services, with <paramref name="settings"/> over the network
    /// gateway's: for a test of a gateway setting (a limit, development tokens off), which needs no network of its own.
    /// </summary>
    public GatewayOfItsOwn StartGateway(IReadOnlyDictionary<string, string?> settings, int port = 0) =>
        new(new ServiceHost<GatewayOptions>(new Dictionary<string, string?>(_gatewaySettings).With(settings), environment: "Development", port: port).Start());

    public async ValueTask DisposeAsync()
    {
        // Gateway first, then the services in reverse order of start.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }
    }

    private static IEnumerable<(string Process, RouteEndpoint Endpoint)> RoutesOf(string process, IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => (process, e));

    private T Add<T>(T host) where T : IAsyncDisposable
    {
        _hosts.Add(host);
        return host;
    }

}

internal static class SettingsExtensions
{
    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? overrides)
    {
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }
}

/// <summary>A gateway started by a test in front of a running network's services; stopped when disposed.</summary>
public sealed class GatewayOfItsOwn(ServiceHost<GatewayOptions> host) : IGatewayClients, IAsyncDisposable
{
    public Uri Gateway => host.Address;

    public Task<HttpClient> ClientAsync(string? role = null, Guid? agency = null, Guid? person = null, string? sub = null) =>
        DevelopmentTokens.ClientAsync(Gateway, role, agency, person, sub);

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
