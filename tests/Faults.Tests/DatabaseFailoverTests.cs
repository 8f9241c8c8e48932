using System.Diagnostics;
using ReferralNet.Testing;
using Xunit.Abstractions;

namespace ReferralNet.Faults.Tests;

/// <summary>The primary dies under a load of referrals and the standby takes over; at the end each accepted referral took effect once.</summary>
[Collection(ClusterCollection.Name), Trait(Tier.Trait, Tier.Cluster)]
public sealed class DatabaseFailoverTests(ClusterNetwork fixture, ITestOutputHelper output)
{
    private const int PerSecond = 20;

    [Fact]
    public async Task The_primary_killed_under_load_and_its_standby_promoted_lose_no_acknowledged_referral_and_repeat_none()
    {
        var servers = fixture.Network.Servers;
        var result = await fixture.UnderLoadAsync(PerSecond, async load =>
        {
            await FaultNetwork.UntilSentAsync(load, 3 * PerSecond);
            var accepted = load.AcceptedSoFar;
            var clock = Stopwatch.StartNew();
            await servers.FailOverDatabaseAsync();
            var promoted = clock.Elapsed;
            // A commit acknowledged by the dead primary is on the standby too (synchronous commit), so none is lost.
            await Eventually.Until(() => Task.FromResult(load.AcceptedSoFar), now => now >= accepted + PerSecond,
                "referrals to be accepted again by the promoted standby", TimeSpan.FromMinutes(2));
            output.WriteLine($"primary killed and standby promoted in {promoted.TotalSeconds:F1} s; {PerSecond} more referrals accepted {clock.Elapsed.TotalSeconds:F1} s after the kill");
            clock.Restart();
            await servers.RejoinFormerPrimaryAsync();
            output.WriteLine($"former primary rewound and following the new one in {clock.Elapsed.TotalSeconds:F1} s");
            await FaultNetwork.UntilSentAsync(load, load.Sent + 2 * PerSecond);
        });

        Assert.True(result.Accepted.Count >= 5 * PerSecond, $"only {result.Accepted.Count} referrals were accepted");
    }
}
