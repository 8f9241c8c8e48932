using Dapper;
using Npgsql;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

[Collection(BrokerCollection.Name)]
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Messages_that_arrive_while_the_consumers_database_refuses_connections_take_effect_once_it_is_back()
    {
        var world = await ProbeWorld.CreateAsync();
        // Longer than the outage: redelivered every 0.6 s meanwhile, never parked.
        await using var host = await MessagingHost.StartAsync(world, new() { ["Broker:RedeliverFor"] = "00:00:30" });
        var probes = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        using var redeliveries = new RedeliveryCounter();
        var database = new NpgsqlConnectionStringBuilder(world.ConnectionString).Database!;
        await using var maintenance = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(world.ConnectionString) { Database = "postgres" }.ConnectionString);

        await maintenance.ExecuteAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false");
        try
        {
            await maintenance.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @Database", new { Database = database });
            foreach (var probe in probes)
            {
                await host.Bus.Publish(new ProbeCounted(probe));
            }
            // Each probe's retries are spent while the database refuses the consumer: each is sent on for later.
            await Eventually.Until(() => redeliveries.Count >= probes.Count, "every probe to be redelivered");
        }
        finally
        {
            await maintenance.ExecuteAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS true");
            // The test's own pooled connections were cut too (the service's are its own to recover).
            using var ours = new NpgsqlConnection(world.ConnectionString);
            NpgsqlConnection.ClearPool(ours);
        }

        await Eventually.Until(
            () => world.QueryAsync<long>("SELECT COUNT(*) FROM probe_effects WHERE probe_id = ANY(@Ids)", new { Ids = probes.ToArray() }),
            applied => applied == probes.Count, "every probe's effect once the database is back", TimeSpan.FromSeconds(30));
        Assert.Equal(1, await world.QueryAsync<int>("SELECT MAX(applied) FROM probe_effects"));
    }
}
