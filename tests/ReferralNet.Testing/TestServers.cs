using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace ReferralNet.Testing;

/// <summary>Where the real PostgreSQL and RabbitMQ for the tests are, and how to control the broker.</summary>
public sealed record Servers(string PostgresConnectionString, string RabbitHost, int RabbitPort, string RabbitUser, string RabbitPassword,
    Func<string[], Task> RabbitCtl, Uri? RabbitManagement = null)
{
    /// <summary>A connection string for a database of its own (DbUp creates it on first migration).</summary>
    public string Database(string name) => $"{PostgresConnectionString};Database={name}";
}

/// <summary>
/// The servers the test script started (RN_TEST_* variables), or containers when a Docker engine answers.
/// One set per test process.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<Task<Servers>> Shared = new(StartAsync);

    public static Task<Servers> GetAsync() => Shared.Value;

    private static async Task<Servers> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("RN_TEST_POSTGRES");
        var rabbitPort = Environment.GetEnvironmentVariable("RN_TEST_RABBITMQ_PORT");
        var rabbitCtl = Environment.GetEnvironmentVariable("RN_TEST_RABBITMQCTL");
        if (postgres is not null && rabbitPort is not null && rabbitCtl is not null)
        {
            var management = Environment.GetEnvironmentVariable("RN_TEST_RABBITMQ_MANAGEMENT") is { } address ? new Uri(address) : null;
            return new Servers(postgres, "127.0.0.1", int.Parse(rabbitPort), "guest", "guest", args => ServerScript.RunProcessAsync(rabbitCtl, args), management);
        }
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            throw new InvalidOperationException(
                "No PostgreSQL and RabbitMQ for the tests: run deploy/test.sh (it starts them), or start a Docker engine.");
        }
        var pg = new PostgreSqlBuilder("postgres:15-alpine").Build();
        var rabbit = BrokerContainer();
        await Task.WhenAll(pg.StartAsync(), rabbit.StartAsync());
        var pgConnection = new Npgsql.NpgsqlConnectionStringBuilder(pg.GetConnectionString()) { Database = null };
        return WithBroker(pgConnection.ConnectionString, rabbit);
    }

    /// <summary>
    /// A RabbitMQ of the caller's own beside the shared PostgreSQL, for a test that stops the broker: test assemblies
    /// running meanwhile keep theirs. A container when a Docker engine answers, else a node started by the project's script.
    /// </summary>
    public static async Task<(Servers Servers, IAsyncDisposable Broker)> StartOwnBrokerAsync()
    {
        var shared = await GetAsync();
        if (Environment.GetEnvironmentVariable("RN_TEST_RABBITMQCTL") is null)
        {
            var container = BrokerContainer();
            await container.StartAsync();
            return (WithBroker(shared.PostgresConnectionString, container), container);
        }
        var node = new ScriptedBroker(Directory.CreateTempSubdirectory("referralnet-broker.").FullName, ServerScript.FreePort(10000, 12700));
        await node.StartAsync();
        return (shared with
        {
            RabbitHost = "127.0.0.1", RabbitPort = node.Port, RabbitUser = "guest", RabbitPassword = "guest", RabbitCtl = node.RabbitCtlAsync, RabbitManagement = null,
        }, node);
    }

    private static RabbitMqContainer BrokerContainer() => new RabbitMqBuilder("rabbitmq:3.13-alpine").Build();

    private static Servers WithBroker(string postgres, RabbitMqContainer rabbit) =>
        new(postgres, rabbit.Hostname, rabbit.GetMappedPublicPort(5672), "rabbitmq", "rabbitmq",
            async args =>
            {
                var result = await rabbit.ExecAsync(["rabbitmqctl", .. args]);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {result.Stderr}");
                }
            });

    /// <summary>A RabbitMQ node in a folder of its own, stopped and removed when disposed.</summary>
    private sealed class ScriptedBroker(string folder, int port) : IAsyncDisposable
    {
        public int Port => port;

        public Task StartAsync() => ServerScript.RunAsync(folder, $"start_rabbitmq \"$1/rabbitmq\" {port}");

        public Task RabbitCtlAsync(string[] args) => ServerScript.RunProcessAsync(Path.Combine(folder, "rabbitmq", "rabbitmqctl"), args);

        public async ValueTask DisposeAsync()
        {
            await ServerScript.RunAsync(folder, $"stop_rabbitmq \"$1/rabbitmq\" {port}");
            Directory.Delete(folder, recursive: true);
        }
    }
}

public static class ServersExtensions
{
    private static readonly HttpClient Management = new();

    /// <summary>
    /// A RabbitMQ virtual host of its own, so queues of one test never meet another's: through the management API where
    /// the broker has it (a request), else with rabbitmqctl (an Erlang VM booted per call).
    /// </summary>
    public static async Task<string> CreateVirtualHostAsync(this Servers servers, string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        if (servers.RabbitManagement is { } api)
        {
            var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{servers.RabbitUser}:{servers.RabbitPassword}"));
            async Task PutAsync(string path, object body)
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(api, path)) { Content = System.Net.Http.Json.JsonContent.Create(body) };
                request.Headers.Authorization = new("Basic", credentials);
                (await Management.SendAsync(request)).EnsureSuccessStatusCode();
            }
            await PutAsync($"api/vhosts/{name}", new { });
            await PutAsync($"api/permissions/{name}/{servers.RabbitUser}", new { configure = ".*", write = ".*", read = ".*" });
            return name;
        }
        await servers.RabbitCtl(["add_vhost", name]);
        await servers.RabbitCtl(["set_permissions", "-p", name, servers.RabbitUser, ".*", ".*", ".*"]);
        return name;
    }

    public static Dictionary<string, string?> BrokerSettings(this Servers servers, string virtualHost) => new()
    {
        ["Broker:Host"] = servers.RabbitHost,
        ["Broker:Port"] = servers.RabbitPort.ToString(),
        ["Broker:VirtualHost"] = virtualHost,
        ["Broker:Username"] = servers.RabbitUser,
        ["Broker:Password"] = servers.RabbitPassword,
    };
}
