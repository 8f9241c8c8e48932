using System.Diagnostics;
using System.Net;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

/// <summary>One instance of a service (or the gateway), a process of its own started from its build output.</summary>
public sealed class ServiceProcess(string name, int instance, int port, IReadOnlyDictionary<string, string?> settings, string logs)
{
    private Process? _process;

    public string Name => name;

    public int Instance => instance;

    public Uri Address { get; } = new($"http://127.0.0.1:{port}");

    public void Start()
    {
        var build = ProcessBuild.Of(name);
        // exec: the process id is dotnet's, so a kill reaches the service itself.
        var start = new ProcessStartInfo("bash") { WorkingDirectory = build.Output };
        foreach (var argument in new[] { "-c", "exec dotnet \"$0\" >>\"$1\" 2>&1", build.Dll, Path.Combine(logs, $"{name}-{instance}.log") })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        _process = Process.Start(start);
    }

    /// <summary>SIGKILL, as a crash would: in-flight messages are neither finished nor acknowledged.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Until its readiness answers 200; while the process starts, nothing listens yet.</summary>
    public async Task UntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(async () =>
        {
            try
            {
                return (await client.GetAsync("/health/ready")).StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, status => status == HttpStatusCode.OK, $"{name} #{instance} to be ready", TimeSpan.FromSeconds(90));
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            // SIGTERM: a graceful stop, as at the end of the suite.
            Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                _process.Kill();
            }
            await _process.WaitForExitAsync();
        }
    }
}

/// <summary>
/// The whole network as processes on its own servers: the five services (matching and handoff twice, as competing
/// consumers) and the gateway, which balances between the instances and probes them.
/// </summary>
public sealed class ProcessNetwork : IGatewayClients, IAsyncDisposable
{
    public static readonly Guid IntakeDesk = Guid.Parse("0d35c0de-0000-4000-8000-00000000fa17");
    public static readonly TimeSpan ParkAfter = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, int> InstancesOf = new() { ["intake"] = 1, ["matching"] = 2, ["consent"] = 1, ["handoff"] = 2, ["insights"] = 1, ["support"] = 1 };

    private readonly List<ServiceProcess> _services = [];
    private ServiceProcess? _gateway;

    private ProcessNetwork(FaultServers servers) => Servers = servers;

    public FaultServers Servers { get; }

    public Uri Gateway => _gateway!.Address;

    public string Logs => Path.Combine(Servers.Folder, "logs");

    public ServiceProcess Instance(string service, int instance) => _services.Single(s => s.Name == service && s.Instance == instance);

    public string Database(string service) => Servers.Database($"referralnet_{service}");

    /// <summary>For the tests' own reads: unpooled, so a connection broken by a server restart is never handed out again.</summary>
    public string Read(string service) => Database(service) + ";Pooling=false";

    /// <summary>
    /// The network on servers of its own: its broker a cluster of <paramref name="brokerNodes"/> nodes when more than
    /// one, its database with a synchronous standby when <paramref name="databaseStandby"/>; in <paramref name="folder"/>
    /// when given (<see cref="FaultServers.StartAsync"/>).
    /// </summary>
    public static async Task<ProcessNetwork> StartAsync(int brokerNodes = 1, bool databaseStandby = false, string? folder = null)
    {
        var network = new ProcessNetwork(await FaultServers.StartAsync(brokerNodes, databaseStandby, folder));
        try
        {
            await network.StartProcessesAsync();
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessesAsync()
    {
        Directory.CreateDirectory(Logs);
        var destinations = new Dictionary<string, string?>();
        foreach (var (service, count) in InstancesOf)
        {
            for (var i = 1; i <= count; i++)
            {
                var process = new ServiceProcess(service, i, ServerScript.FreePort(FreePorts.ProcessesLow, FreePorts.ProcessesHigh), ServiceSettings(service), Logs);
                _services.Add(process);
                destinations[$"ReverseProxy:Clusters:{service}:Destinations:{(i == 1 ? "primary" : $"instance{i}")}:Address"] = process.Address.ToString();
            }
        }
        // Two instances of a service start together and migrate its database once (an advisory lock).
        foreach (var process in _services)
        {
            process.Start();
        }
        await Task.WhenAll(_services.Select(s => s.UntilReadyAsync()));

        _gateway = new ServiceProcess("gateway", 1, ServerScript.FreePort(FreePorts.ProcessesLow, FreePorts.ProcessesHigh),
            new Dictionary<string, string?>([.. TestIssuers.Trusted, .. TestIssuers.Signing(TestIssuers.Development, TestIssuers.DevelopmentKey), .. destinations])
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Gateway:DevTokens"] = "true",
                ["Gateway:RateLimit:PermitsPerSecond"] = "100000",
                ["Gateway:RateLimit:Burst"] = "100000",
                ["Gateway:RateLimit:ProbePermitsPerMinute"] = "100000",
            }, Logs);
        _gateway.Start();
        await _gateway.UntilReadyAsync();
    }

    private Dictionary<string, string?> ServiceSettings(string service)
    {
        var settings = new Dictionary<string, string?>(TestIssuers.Trusted)
        {
            ["Database:ConnectionString"] = Database(service),
            ["Broker:Host"] = "127.0.0.1",
            ["Broker:Port"] = Servers.BrokerPort.ToString(),
            ["Identity:KeySecret"] = "fault-suite-identity-secret-0123456789-abcdef",
            ["Intake:DeskAgencyId"] = IntakeDesk.ToString(),
            ["Insights:MinimumCount"] = "1",
            // What fails while a server is away comes back within seconds, not the production 10 s, 1 min, ...
            ["Broker:RedeliveryIntervals:0"] = "00:00:01",
            ["Broker:RedeliveryIntervals:1"] = "00:00:02",
            ["Broker:RedeliveryIntervals:2"] = "00:00:05",
            // Parked after 30 s of failing (production: 24 h): longer than any outage of the suite, shorter than a test.
            ["Broker:RedeliverFor"] = ParkAfter.ToString(),
        };
        foreach (var (port, i) in Servers.Clustered ? Servers.BrokerNodes.Select((port, i) => (port, i)) : [])
        {
            settings[$"Broker:Nodes:{i}"] = $"127.0.0.1:{port}";
        }
        return service == "consent"
            ? new Dictionary<string, string?>([.. settings, .. TestIssuers.Signing(TestIssuers.Youth, TestIssuers.YouthKey)])
            : settings;
    }

    /// <summary>A careful client (<see cref="RetryAfterHonoured"/>): the suite's own requests wait out a refusal.</summary>
    public Task<HttpClient> ClientAsync(string? role = null, Guid? agency = null, Guid? person = null, string? sub = null) =>
        DevelopmentTokens.ClientAsync(Gateway, role, agency, person, sub, new RetryAfterHonoured());

    /// <summary>A worker of <paramref name="agency"/> that sees every refusal, for the load, which counts them.</summary>
    public Task<HttpClient> LoadClientAsync(Guid agency) => DevelopmentTokens.ClientAsync(Gateway, "worker", agency);

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
        }
        await Task.WhenAll(_services.Select(s => s.StopAsync()));
        await Servers.DisposeAsync();
    }
}
