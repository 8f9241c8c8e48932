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

    private FaultServers(string folder, IReadOnlyList<int> databaseServers, IReadOnlyList<int> brokerNodes)
    {
        Folder = folder;
        DatabaseServers = databaseServers;
        PrimaryPort = databaseServers[0];
        BrokerNodes = brokerNodes;
    }

    public string Folder { get; }

    /// <summary>The database server's port, or a primary's and its standby's (in the order they started).</summary>
    public IReadOnlyList<int> DatabaseServers { get; }

    public int PostgresPort => DatabaseServers[0];

    /// <summary>The server that takes writes now.</summary>
    public int PrimaryPort { get; private set; }

    /// <summary>With a replicated database, the server following the primary.</summary>
    public int? StandbyPort => DatabaseServers.Count > 1 ? DatabaseServers.Single(port => port != PrimaryPort) : null;

    /// <summary>The broker's port, or each node's of a cluster (first the one the others joined).</summary>
    public IReadOnlyList<int> BrokerNodes { get; }

    public int BrokerPort => BrokerNodes[0];

    public bool Clustered => BrokerNodes.Count > 1;

    /// <summary>
    /// A database's connection string; with a standby, both servers, of which the one taking writes is used, so that a
    /// service follows a failover by itself.
    /// </summary>
    public string Database(string name) => DatabaseServers.Count > 1
        ? $"Host={string.Join(',', DatabaseServers.Select(port => $"127.0.0.1:{port}"))};Target Session Attributes=primary;Host Recheck Seconds=1;Username=postgres;Password={Password};Database={name}"
        : $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={Password};Database={name}";

    /// <summary>
    /// A PostgreSQL, with a synchronous standby when <paramref name="databaseStandby"/>, and a RabbitMQ, or a RabbitMQ
    /// cluster of <paramref name="brokerNodes"/> nodes; in <paramref name="folder"/> when given, as the run command's
    /// data folder (a database already there, restored from a backup, is started as it is).
    /// </summary>
    public static async Task<FaultServers> StartAsync(int brokerNodes = 1, bool databaseStandby = false, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("referralnet-faults.").FullName;
        var ports = new List<int>();
        while (ports.Count < brokerNodes)
        {
            ports.Add(ServerScript.FreePort(10000, 12700));
        }
        var primary = ServerScript.FreePort(FreePorts.ProcessesLow, FreePorts.ProcessesHigh);
        int? standby = databaseStandby ? ServerScript.FreePort(FreePorts.ProcessesLow, FreePorts.ProcessesHigh) : null;
        var servers = new FaultServers(folder, standby is null ? [primary] : [primary, standby.Value], ports);
        var broker = servers.Clustered
            ? $"start_rabbitmq_cluster \"$1/rabbitmq\" {string.Join(' ', ports)}"
            : $"start_rabbitmq \"$1/rabbitmq\" {servers.BrokerPort}";
        var database = standby is null
            ? $"start_postgres \"$1/postgres\" {primary} {Password}"
            : $"start_postgres \"$1/postgres-{primary}\" {primary} {Password} replicated && start_postgres_standby \"$1/postgres-{standby}\" {standby} {primary} {Password}";
        // chmod: the postgres user runs the database server from inside the folder.
        await servers.ScriptAsync($"chmod 755 \"$1\" && ensure_packages && {database} && {broker}");
        return servers;
    }

    /// <summary>The primary killed (SIGKILL) and the standby promoted in its place: the failover an operator, or an operator's tool, makes.</summary>
    public async Task FailOverDatabaseAsync()
    {
        var promoted = StandbyPort!.Value;
        await ScriptAsync($"find_pg_bin && kill_postgres \"$1/postgres-{PrimaryPort}\" && promote_postgres \"$1/postgres-{promoted}\"");
        PrimaryPort = promoted;
    }

    /// <summary>The former primary back, rewound, as the new primary's synchronous standby.</summary>
    public Task RejoinFormerPrimaryAsync() =>
        ScriptAsync($"find_pg_bin && rejoin_postgres \"$1/postgres-{StandbyPort}\" {StandbyPort} {PrimaryPort} {Password}");

    public Task KillBrokerAsync() => KillBrokerNodeAsync(BrokerPort);

    public Task StartBrokerAsync() => StartBrokerNodeAsync(BrokerPort);

    /// <summary>SIGKILL to one node, as a crash would.</summary>
    public Task KillBrokerNodeAsync(int port) => ScriptAsync($"kill_rabbitmq \"{NodeFolder(port)}\"");

    /// <summary>The node again, on its data: a node of a cluster rejoins it.</summary>
    public Task StartBrokerNodeAsync(int port) => ScriptAsync($"start_rabbitmq \"{NodeFolder(port)}\" {port}");

    /// <summary>
    /// What the run command keeps in its data folder for the operator commands (<c>deploy/ops.sh</c>): the database's
    /// password; and their environment for these servers.
    /// </summary>
    public IReadOnlyDictionary<string, string> AsRunDataFolder()
    {
        File.WriteAllText(Path.Combine(Folder, "secrets.env"), $"PG_PASSWORD={Password}\n");
        return new Dictionary<string, string>
        {
            ["REFERRALNET_DATA"] = Folder, ["REFERRALNET_PG_PORT"] = PrimaryPort.ToString(), ["REFERRALNET_RABBIT_PORT"] = BrokerPort.ToString(),
        };
    }

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
        var databases = DatabaseServers.Count > 1 ? [.. DatabaseServers.Select(port => $"postgres-{port}")] : new[] { "postgres" };
        await ScriptAsync($"{stopBroker}; find_pg_bin && " + string.Join(" && ", databases.Select(d => $"stop_postgres \"$1/{d}\"")));
        // The processes' logs stay (small) for a failed run to be read; the servers' data goes.
        foreach (var data in databases.Append("rabbitmq"))
        {
            Directory.Delete(Path.Combine(Folder, data), recursive: true);
        }
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
