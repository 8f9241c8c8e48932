using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Data;

public sealed class SchemaMigratorTests
{
    private static readonly Guid Migrated = Guid.Parse("5c4f2a51-0d7e-4d1b-9a63-2f8e0b7c1a01");

    /// <summary>A data migration that stores one row unless it is there: run twice at once, it must still store one.</summary>
    private sealed class ProbeRow : IDataMigration
    {
        public int Run(NpgsqlConnection connection)
        {
            var present = connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM probe_effects WHERE probe_id = @Migrated)", new { Migrated });
            return present ? 0 : connection.Execute("INSERT INTO probe_effects (probe_id, applied) VALUES (@Migrated, 1)", new { Migrated });
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_create_and_migrate_the_database_once()
    {
        var servers = await TestServers.GetAsync();
        var connectionString = servers.Database($"rn_migrate_{Guid.NewGuid():N}"[..24]);
        SchemaMigrator Instance() => new(Options.Create(new DatabaseOptions { ConnectionString = connectionString }),
            new ServiceIdentity("probe", typeof(SchemaMigratorTests).Assembly), [new ProbeRow()], NullLogger<SchemaMigrator>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Instance().Migrate())));

        await using var connection = new NpgsqlConnection(connectionString);
        var journal = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions")).ToList();
        Assert.NotEmpty(journal);
        Assert.Equal(journal.Count, journal.Distinct().Count());
        Assert.Contains(journal, script => script.EndsWith("0001_probe_effects.sql", StringComparison.Ordinal));
        // The data migrations ran after the scripts, one instance at a time.
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM probe_effects WHERE probe_id = @Migrated", new { Migrated }));
    }
}
