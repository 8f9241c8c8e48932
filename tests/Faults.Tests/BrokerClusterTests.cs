using System.Diagnostics;
using ReferralNet.Testing;
using Xunit.Abstractions;

namespace ReferralNet.Faults.Tests;

/// <summary>
/// The network on replicated servers, as in production: a RabbitMQ cluster of three nodes (its queues quorum queues on
/// all three) and a PostgreSQL primary with a synchronous standby (every service's connection string names both).
/// </summary>
public sealed class ClusterNetwork : FaultNetwork
{
    protected override int BrokerNodes => 3;

    protected override bool DatabaseStandby => true;
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterNetwork>
{
    public const string Name = "cluster";
}

/// <summary>Nodes of the broker's cluster die under a load of referrals; at the end each accepted referral took effect once.</summary>
[Collection(ClusterCollection.Name), Trait(Tier.Trait, Tier.Cluster)]
public sealed class BrokerClusterTests(ClusterNetwork fixture, ITestOutputHelper output)
{
    private const int PerSecond = 20;

    [Fact]
    public async Task The_node_the_services_use_and_then_the_queues_leader_killed_under_load_lose_and_repeat_nothing()
    {
        var servers = fixture.Network.Servers;
        var result = await fixture.UnderLoadAsync(PerSecond, async load =>
        {
            await FaultNetwork.UntilSentAsync(load, 3 * PerSecond);
            foreach (var (what, node) in new (string, Func<Task<int>>)[] { ("connected", servers.ConnectedNodeAsync), ("leading", servers.LeadingNodeAsync) })
            {
                var killed = await node();
                var matched = await fixture.Ledger.MatchedAsync();
                var clock = Stopwatch.StartNew();
                await servers.KillBrokerNodeAsync(killed);
                // Two nodes of three still make a majority: the referrals go on being matched without the dead node.
                await Eventually.Until(fixture.Ledger.MatchedAsync, now => now >= matched + 2 * PerSecond,
                    $"referrals to be matched again after the {what} node died", TimeSpan.FromMinutes(2));
                output.WriteLine($"{what} node {killed} killed: {2 * PerSecond} more referrals matched {clock.Elapsed.TotalSeconds:F1} s later");
                await servers.StartBrokerNodeAsync(killed);
                await FaultNetwork.UntilSentAsync(load, load.Sent + 2 * PerSecond);
            }
        });

        Assert.True(result.Accepted.Count >= 7 * PerSecond, $"only {result.Accepted.Count} referrals were accepted");
    }
}
