using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralNet.Testing;

/// <summary>
/// One ReferralNet process (a service or the gateway) running in the test process on real Kestrel at a free loopback
/// port, with its real Program.cs. <typeparamref name="TMarker"/> is any public type of that program's assembly.
/// </summary>
public sealed class ServiceHost<TMarker> : WebApplicationFactory<TMarker> where TMarker : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    /// <summary><paramref name="port"/>: 0 for any free one; <see cref="FreePorts"/> for one named before the start.</summary>
    public ServiceHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, string environment = "Testing", int port = 0)
    {
        _settings = settings;
        _services = services;
        _environment = environment;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public ServiceHost<TMarker> Start()
    {
        StartServer();
        return this;
    }

    /// <summary>Waits until the service's readiness answers 200 (its database answers and its queues are bound).</summary>
    public ServiceHost<TMarker> UntilReady()
    {
        using var client = new HttpClient { BaseAddress = Address };
        Eventually.Ready(client, typeof(TMarker).Assembly.GetName().Name!).GetAwaiter().GetResult();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        // Also as host settings, which Program.cs sees while it builds (a scheme registered only where it is configured).
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
