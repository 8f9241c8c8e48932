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

    private FaultServers(string folder, int postgresPort, IReadOnlyList<int> brokerNodes)
    {
        Folder = folder;
        PostgresPort = postgresPort;
        BrokerNodes = brokerNodes;
    }

    public string Folder { get; }

    public int PostgresPort { get; }

    /// <summary>The broker's port, or each node's of a cluster (first the one the others joined).</summary>
    public IReadOnlyList<int> BrokerNodes { get; }

    public int BrokerPort => BrokerNodes[0];

    public bool Clustered => BrokerNodes.Count > 1;

    public string Database(string name) => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={Password};Database={name}";

    /// <summary>A PostgreSQL and a RabbitMQ, or a RabbitMQ cluster of <paramref name="brokerNodes"/> nodes.</summary>
    public static async Task<FaultServers> StartAsync(int brokerNodes = 1)
    {
        var folder = Directory.CreateTempSubdirectory("referralnet-faults.").FullName;
        var ports = new List<int>();
        while (ports.Count < brokerNodes)
        {
            ports.Add(ServerScript.FreePort(10000, 12700));
        }
        var servers = new FaultServers(folder, ServerScript.FreePort(20000, 32000), ports);
        var broker = servers.Clustered
            ? $"start_rabbitmq_cluster \"$1/rabbitmq\" {string.Join(' ', ports)}"
            : $"start_rabbitmq \"$1/rabbitmq\" {servers.BrokerPort}";
        // chmod: the postgres user runs the database server from inside the folder.
        await servers.ScriptAsync($"chmod 755 \"$1\" && ensure_packages && start_postgres \"$1/postgres\" {servers.PostgresPort} {Password} && {broker}");
        return servers;
    }

    public Task KillBrokerAsync() => KillBrokerNodeAsync(BrokerPort);

    public Task StartBrokerAsync() => StartBrokerNodeAsync(BrokerPort);

    /// <summary>SIGKILL to one node, as a crash would.</summary>
    public Task KillBrokerNodeAsync(int port) => ScriptAsync($"kill_rabbitmq \"{NodeFolder(port)}\"");

    /// <summary>The node again, on its data: a node of a cluster rejoins it.</summary>
    public Task StartBrokerNodeAsync(int port) => ScriptAsync($"start_rabbitmq \"{NodeFolder(port)}\" {port}");

    public Task RestartPostgresImmediatelyAsync() => ScriptAsync("find_pg_bin && restart_postgres_immediately \"$1/postgres\"");

    /// <summary>How often a wait asks <see cref="QueuesAsync"/> at most: each asking boots an Erlang VM (about 0.4 s of CPU).</summary>
    public static readonly TimeSpan QueuesPollEvery = TimeSpan.FromSeconds(1);

    /// <summary>Every queue with its ready and unacknowledged messages and its consumers.</summary>
    public async Task<IReadOnlyList<(string Queue, int Ready, int Unacknowledged, int Consumers)>> QueuesAsync()
    {
        var output = await ControlAsync("list_queues", "-q", "--no-table-headers", "name", "messages_ready", "messages_unacknowledged", "consumers");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 4 && int.TryParse(parts[1], out _))
            .Select(parts => (parts[0], int.Parse(parts[1]), int.Parse(parts[2]), int.Parse(parts[3])))];
    }

    /// <summary>The node most of the services' connections are on.</summary>
    public async Task<int> ConnectedNodeAsync()
    {
        var output = await ControlAsync("list_connections", "-q", "--no-table-headers", "port");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)
            .GroupBy(port => port).MaxBy(node => node.Count())!.Key;
    }

    /// <summary>The node that leads the most quorum queues (each has a leader, which takes every write, and followers).</summary>
    public async Task<int> LeadingNodeAsync()
    {
        var output = await ControlAsync("list_queues", "-q", "--no-table-headers", "type", "leader");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(parts => parts is ["quorum", _]).Select(parts => int.Parse(parts[1]["rn".Length..parts[1].IndexOf('@', StringComparison.Ordinal)]))
            .GroupBy(port => port).MaxBy(node => node.Count())!.Key;
    }

    public async ValueTask DisposeAsync()
    {
        var stopBroker = string.Join("; ", BrokerNodes.Select(port => $"stop_rabbitmq \"{NodeFolder(port)}\" {port}"));
        await ScriptAsync($"{stopBroker}; find_pg_bin && stop_postgres \"$1/postgres\"");
        // The processes' logs stay (small) for a failed run to be read; the servers' data goes.
        Directory.Delete(Path.Combine(Folder, "postgres"), recursive: true);
        Directory.Delete(Path.Combine(Folder, "rabbitmq"), recursive: true);
    }

    private string NodeFolder(int port) => Clustered ? Path.Combine(Folder, "rabbitmq", port.ToString()) : Path.Combine(Folder, "rabbitmq");

    /// <summary>rabbitmqctl against a node that runs (each node of a cluster answers for all of it).</summary>
    private async Task<string> ControlAsync(params string[] arguments)
    {
        foreach (var port in BrokerNodes.Where(port => File.Exists(Path.Combine(NodeFolder(port), "rabbitmq.pid"))))
        {
            return await ServerScript.RunProcessAsync(Path.Combine(NodeFolder(port), "rabbitmqctl"), arguments);
        }
        throw new InvalidOperationException("No node of the broker runs.");
    }

    private Task ScriptAsync(string commands) => ServerScript.RunAsync(Folder, commands);
}
