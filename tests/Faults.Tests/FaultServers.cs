using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

/// <summary>
/// A PostgreSQL and a RabbitMQ of the fault suite's own, started, crashed and restarted with the project's script
/// functions (<c>deploy/lib/servers.sh</c>), the same ones the run and test commands use. Its own, because the
/// suite kills them; everything binds to 127.0.0.1. PostgreSQL is durable, as the run command's: the test servers'
/// "fast" mode (fsync and synchronous commit off) loses committed transactions in a crash, which is what this suite does.
/// </summary>
public sealed class FaultServers : IAsyncDisposable
{
    public const string Password = "faults";

    private FaultServers(string folder, int postgresPort, int brokerPort)
    {
        Folder = folder;
        PostgresPort = postgresPort;
        BrokerPort = brokerPort;
    }

    public string Folder { get; }

    public int PostgresPort { get; }

    public int BrokerPort { get; }

    public string Database(string name) => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={Password};Database={name}";

    public static async Task<FaultServers> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("referralnet-faults.").FullName;
        var servers = new FaultServers(folder, ServerScript.FreePort(20000, 32000), ServerScript.FreePort(10000, 12700));
        // chmod: the postgres user runs the database server from inside the folder.
        await servers.ScriptAsync($"chmod 755 \"$1\" && ensure_packages && start_postgres \"$1/postgres\" {servers.PostgresPort} {Password} && start_rabbitmq \"$1/rabbitmq\" {servers.BrokerPort}");
        return servers;
    }

    public Task KillBrokerAsync() => ScriptAsync("kill_rabbitmq \"$1/rabbitmq\"");

    public Task StartBrokerAsync() => ScriptAsync($"start_rabbitmq \"$1/rabbitmq\" {BrokerPort}");

    public Task RestartPostgresImmediatelyAsync() => ScriptAsync("find_pg_bin && restart_postgres_immediately \"$1/postgres\"");

    /// <summary>How often a wait asks <see cref="QueuesAsync"/> at most: each asking boots an Erlang VM (about 0.4 s of CPU).</summary>
    public static readonly TimeSpan QueuesPollEvery = TimeSpan.FromSeconds(1);

    /// <summary>Every queue with its ready and unacknowledged messages and its consumers.</summary>
    public async Task<IReadOnlyList<(string Queue, int Ready, int Unacknowledged, int Consumers)>> QueuesAsync()
    {
        var output = await ServerScript.RunProcessAsync(Path.Combine(Folder, "rabbitmq", "rabbitmqctl"),
            ["list_queues", "-q", "--no-table-headers", "name", "messages_ready", "messages_unacknowledged", "consumers"]);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 4 && int.TryParse(parts[1], out _))
            .Select(parts => (parts[0], int.Parse(parts[1]), int.Parse(parts[2]), int.Parse(parts[3])))];
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync($"stop_rabbitmq \"$1/rabbitmq\" {BrokerPort}; find_pg_bin && stop_postgres \"$1/postgres\"");
        // The processes' logs stay (small) for a failed run to be read; the servers' data goes.
        Directory.Delete(Path.Combine(Folder, "postgres"), recursive: true);
        Directory.Delete(Path.Combine(Folder, "rabbitmq"), recursive: true);
    }

    private Task ScriptAsync(string commands) => ServerScript.RunAsync(Folder, commands);
}
