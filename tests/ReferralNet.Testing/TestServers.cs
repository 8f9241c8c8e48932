using System.Diagnostics;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace ReferralNet.Testing;

/// <summary>Where the real PostgreSQL and RabbitMQ for the tests are, and how to control the broker.</summary>
public sealed record Servers(string PostgresConnectionString, string RabbitHost, int RabbitPort, string RabbitUser, string RabbitPassword,
    Func<string[], Task> RabbitCtl)
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
            return new Servers(postgres, "127.0.0.1", int.Parse(rabbitPort), "guest", "guest", args => RunAsync(rabbitCtl, args));
        }
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            throw new InvalidOperationException(
                "No PostgreSQL and RabbitMQ for the tests: run deploy/test.sh (it starts them), or start a Docker engine.");
        }
        var pg = new PostgreSqlBuilder("postgres:15-alpine").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13-alpine").Build();
        await Task.WhenAll(pg.StartAsync(), rabbit.StartAsync());
        var pgConnection = new Npgsql.NpgsqlConnectionStringBuilder(pg.GetConnectionString()) { Database = null };
        return new Servers(pgConnection.ConnectionString, rabbit.Hostname, rabbit.GetMappedPublicPort(5672), "rabbitmq", "rabbitmq",
            async args =>
            {
                var result = await rabbit.ExecAsync(["rabbitmqctl", .. args]);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {result.Stderr}");
                }
            });
    }

    private static async Task RunAsync(string command, string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {await stderr}");
        }
    }
}

public static class ServersExtensions
{
    /// <summary>A RabbitMQ virtual host of its own, so queues of one test never meet another's.</summary>
    public static async Task<string> CreateVirtualHostAsync(this Servers servers, string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
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
