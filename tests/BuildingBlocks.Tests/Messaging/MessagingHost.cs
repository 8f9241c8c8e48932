using Dapper;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Hosting;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

/// <summary>A minimal service built from the building blocks alone, with the probe consumers, on the real servers.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    public const string ServiceName = "probe";
    private readonly WebApplication _app;

    private MessagingHost(WebApplication app, ProbeWorld world)
    {
        _app = app;
        World = world;
    }

    public ProbeWorld World { get; }

    public IServiceProvider Services => _app.Services;

    public Database Database => _app.Services.GetRequiredService<Database>();

    public IBus Bus => _app.Services.GetRequiredService<IBus>();

    public HttpClient Client() => new() { BaseAddress = new Uri(_app.Urls.First()) };

    /// <summary>Starts the service and, unless told not to, waits until it is ready (its queues bound).</summary>
    public static async Task<MessagingHost> StartAsync(ProbeWorld world, Dictionary<string, string?>? settings = null, bool untilReady = true)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(world.Settings);
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton(world.Log);
        builder.Services.AddSingleton(world.Faults);
        builder.AddServiceDefaults(ServiceName, typeof(MessagingHost).Assembly);
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<ProbeConsumer>();
            bus.AddConsumer<CountingConsumer>();
            bus.AddConsumer<BatchCountingConsumer>(consumer =>
                consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(10).SetTimeLimit(TimeSpan.FromMilliseconds(200))));
            bus.AddConsentProjection();
        });
        builder.AddConsentEnforcement();
        var app = builder.Build();
        app.UseWebDefaults();
        await app.StartAsync();
        var host = new MessagingHost(app, world);
        if (untilReady)
        {
            using var client = host.Client();
            await Eventually.Ready(client, "the probe service");
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What hosts of one test share: a database, a virtual host, and the log of deliveries.</summary>
public sealed class ProbeWorld
{
    private ProbeWorld(Servers servers, string connectionString, string virtualHost)
    {
        Servers = servers;
        ConnectionString = connectionString;
        VirtualHost = virtualHost;
        Settings = new Dictionary<string, string?>([.. servers.BrokerSettings(virtualHost), .. TestIssuers.Trusted])
        {
            ["Database:ConnectionString"] = connectionString,
            ["Broker:RetryLimit"] = "2",
            ["Broker:RetryMinInterval"] = "00:00:00.100",
            ["Broker:RetryMaxInterval"] = "00:00:00.300",
            ["Broker:RedeliveryIntervals:0"] = "00:00:00.300",
            ["Broker:RedeliveryIntervals:1"] = "00:00:00.600",
            ["Broker:RedeliverFor"] = "00:00:02",
            ["Outbox:PublishTimeout"] = "00:00:03",
        };
    }

    public Servers Servers { get; }

    public string ConnectionString { get; }

    public string VirtualHost { get; }

    public Dictionary<string, string?> Settings { get; }

    public ProbeLog Log { get; } = new();

    public ProbeFaults Faults { get; } = new();

    public ConnectionFactory Broker() => new()
    {
        HostName = Servers.RabbitHost, Port = Servers.RabbitPort, VirtualHost = VirtualHost, UserName = Servers.RabbitUser, Password = Servers.RabbitPassword,
    };

    /// <summary>A world on the shared servers, or on <paramref name="servers"/> (a broker of the test's own).</summary>
    public static async Task<ProbeWorld> CreateAsync(Servers? servers = null)
    {
        servers ??= await TestServers.GetAsync();
        var virtualHost = await servers.CreateVirtualHostAsync("probe");
        return new ProbeWorld(servers, servers.Database($"rn_probe_{Guid.NewGuid():N}"[..24]), virtualHost);
    }

    /// <summary>A writer with no dispatcher of its own: a process that commits and then dies before publishing.</summary>
    public Database WriterWithoutDispatcher() =>
        new(NpgsqlDataSource.Create(ConnectionString), new OutboxSignal(), TimeProvider.System);

    /// <summary>A process whose dispatcher leased what it committed and died before publishing it.</summary>
    public Database WriterThatDiesHoldingItsRows(TimeSpan lease)
    {
        var signal = new OutboxSignal();
        signal.AttachDispatcher(lease); // nobody reads the hand-over: the process is gone
        return new(NpgsqlDataSource.Create(ConnectionString), signal, TimeProvider.System);
    }

    public async Task<long> WaitingInOutboxAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE dispatched_at IS NULL");
    }

    public async Task<T> QueryAsync<T>(string sql, object? param = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql, param) ?? throw new InvalidOperationException($"No value from: {sql}");
    }

    public static async Task CommitAsync(Database database, IEnumerable<object> messages)
    {
        await using var work = await database.BeginAsync(CancellationToken.None);
        foreach (var message in messages)
        {
            work.Publish(message);
        }
        await work.CommitAsync(CancellationToken.None);
    }
}

[CollectionDefinition(Name)]
public sealed class BrokerCollection
{
    /// <summary>Tests here run one after another: their redeliveries are timed in tenths of a second.</summary>
    public const string Name = "broker";
}

/// <summary>
/// A broker of these tests' own: they stop it, and the test assemblies that run meanwhile must keep theirs.
/// </summary>
public sealed class OwnBrokerFixture : IAsyncLifetime
{
    private IAsyncDisposable? _broker;

    public Servers Servers { get; private set; } = null!;

    public async Task InitializeAsync() => (Servers, _broker) = await TestServers.StartOwnBrokerAsync();

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OwnBrokerCollection : ICollectionFixture<OwnBrokerFixture>
{
    public const string Name = "own-broker";
}
