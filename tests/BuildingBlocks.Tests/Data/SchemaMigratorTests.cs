using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Data;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Two_instances_starting_together_create_and_migrate_the_database_once()
    {
        var servers = await TestServers.GetAsync();
        var connectionString = servers.Database($"rn_migrate_{Guid.NewGuid():N}"[..24]);
        SchemaMigrator Instance() => new(Options.Create(new DatabaseOptions { ConnectionString = connectionString }),
            new ServiceIdentity("probe", typeof(SchemaMigratorTests).Assembly), NullLogger<SchemaMigrator>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Instance().Migrate())));

        await using var connection = new NpgsqlConnection(connectionString);
        var journal = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions")).ToList();
        Assert.NotEmpty(journal);
        Assert.Equal(journal.Count, journal.Distinct().Count());
        Assert.Contains(journal, script => script.EndsWith("0001_probe_effects.sql", StringComparison.Ordinal));
    }
}
