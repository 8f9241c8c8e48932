using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>
/// Runs the numbered .sql scripts embedded in the building blocks (outbox, inbox) and in the service, in name order,
/// each once (DbUp keeps a journal table), then the service's data migrations, one instance at a time (an advisory lock).
/// </summary>
public sealed class SchemaMigrator(
    IOptions<DatabaseOptions> options, ServiceIdentity service, IEnumerable<IDataMigration> dataMigrations, ILogger<SchemaMigrator> log)
{
    public void Migrate()
    {
        var connectionString = options.Value.ConnectionString;
        // Two instances starting together: one creates and migrates, the other waits, then finds nothing left to do.
        // The lock is taken in the server's maintenance database, which exists before the service's own does.
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        using var maintenance = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        maintenance.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('referralnet-migrations:' || @Database))", maintenance))
        {
            take.Parameters.AddWithValue("Database", target.Database ?? "");
            take.CommandTimeout = 0; // as long as the other instance's migration takes
            take.ExecuteNonQuery();
        }
        // Closing the session releases the lock.
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUpLog(log));
        var upgrade = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => service.SharedSchema && IsSqlScript(name))
            .WithScriptsEmbeddedInAssembly(service.Assembly, IsSqlScript)
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(log))
            .Build()
            .PerformUpgrade();
        if (!upgrade.Successful)
        {
            throw new InvalidOperationException($"Migration {upgrade.ErrorScript?.Name} failed.", upgrade.Error);
        }
        if (dataMigrations.Any())
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            foreach (var migration in dataMigrations)
            {
                var changed = migration.Run(connection);
                if (changed > 0)
                {
                    log.LogInformation("Data migration {Migration} changed {Rows} rows", migration.GetType().Name, changed);
                }
            }
        }
    }

    private static bool IsSqlScript(string name) => name.EndsWith(".sql", StringComparison.Ordinal);

    private sealed class DbUpLog(ILogger log) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => log.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => log.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => log.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => log.LogWarning(format, args);
        public void LogError(string format, params object[] args) => log.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => log.LogError(ex, format, args);
    }
}

/// <summary>
/// A change of stored data that needs the service's own code rather than SQL alone (a document rebuilt in a new
/// shape). It runs after the scripts, under the same lock, at every start: once done it must find nothing to do.
/// </summary>
public interface IDataMigration
{
    /// <summary>Migrates what is left to migrate; answers how many rows it changed.</summary>
    int Run(NpgsqlConnection connection);
}

/// <summary>
/// The service this process is: its name (telemetry, queues, the contract) and the assembly of its migrations and
/// endpoints. <see cref="SharedSchema"/>: a service of the network, with the building blocks' outbox, inbox and
/// consent projection; the web app keeps only its own tables.
/// </summary>
public sealed record ServiceIdentity(string Name, Assembly Assembly, bool SharedSchema = true);
