using Dapper;
using Npgsql;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

/// <summary>
/// The exact count at the end of a fault: once the network is quiet (every queue and outbox empty), each accepted
/// referral took effect once in every service that records it, nothing waits in an error or parked queue, and
/// insights counted each once (its counts would show a message taken twice).
/// </summary>
public sealed class Ledger(ProcessNetwork network)
{
    private const string Count = "SELECT COUNT(*) FROM {0} WHERE referral_id = ANY(@Ids)";
    private const string Counted = "SELECT COALESCE(SUM(value), 0) FROM daily_counts WHERE metric = @Metric";
    private const string OutboxLeft = "SELECT COUNT(*) FROM outbox_messages WHERE dispatched_at IS NULL";
    private const string Matched = "SELECT COUNT(*) FROM referral_matches";

    private static readonly string[] Services = ["intake", "matching", "consent", "handoff", "insights", "support"];

    public sealed record Figures(long ReferralsOpened, long MatchesProposed);

    /// <summary>Insights' counts now (read after <see cref="UntilQuietAsync"/>, so nothing is on its way).</summary>
    public async Task<Figures> FiguresAsync()
    {
        await using var insights = new NpgsqlConnection(network.Read("insights"));
        return new Figures(
            await insights.ExecuteScalarAsync<long>(Counted, new { Metric = FlowMetrics.ReferralsOpened }),
            await insights.ExecuteScalarAsync<long>(Counted, new { Metric = FlowMetrics.MatchesProposed }));
    }

    /// <summary>How many referrals matching has matched so far: it goes up while messages flow.</summary>
    public async Task<long> MatchedAsync()
    {
        await using var matching = new NpgsqlConnection(network.Read("matching"));
        return await matching.ExecuteScalarAsync<long>(Matched);
    }

    /// <summary>
    /// Until no queue holds a message (the delay queues included) and no outbox a row to publish. Parked messages stay
    /// where they are until redriven, so they do not count here (<see cref="AssertEachTookEffectOnceAsync"/> does).
    /// </summary>
    public Task UntilQuietAsync() =>
        Eventually.Until(async () =>
        {
            var queued = (await network.Servers.QueuesAsync())
                .Where(q => q.Ready + q.Unacknowledged > 0 && !q.Queue.EndsWith(RedeliveryQueues.ParkedSuffix, StringComparison.Ordinal))
                .Select(q => $"{q.Queue}: {q.Ready}+{q.Unacknowledged}");
            var outboxes = new List<string>();
            foreach (var service in Services)
            {
                await using var connection = new NpgsqlConnection(network.Read(service));
                if (await connection.ExecuteScalarAsync<long>(OutboxLeft) is > 0 and var left)
                {
                    outboxes.Add($"{service} outbox: {left}");
                }
            }
            return string.Join(", ", [.. queued, .. outboxes]);
        }, left => left.Length == 0, "every queue and outbox to be empty", TimeSpan.FromMinutes(3), FaultServers.QueuesPollEvery);

    /// <summary>Every accepted referral matched and recorded once; insights counted each once since <paramref name="before"/>.</summary>
    public async Task AssertEachTookEffectOnceAsync(LoadResult load, Figures before)
    {
        Assert.True(load.Unexpected.Count == 0, load.ToString());
        Assert.True(load.Accepted.Count > 0, load.ToString());
        await UntilQuietAsync();
        var ids = new { Ids = load.Accepted.ToArray() };
        await using (var matching = new NpgsqlConnection(network.Read("matching")))
        {
            Assert.Equal(load.Accepted.Count, await matching.ExecuteScalarAsync<long>(string.Format(Count, "referral_matches"), ids));
        }
        await using (var handoff = new NpgsqlConnection(network.Read("handoff")))
        {
            Assert.Equal(load.Accepted.Count, await handoff.ExecuteScalarAsync<long>(string.Format(Count, "referrals"), ids));
        }
        var after = await FiguresAsync();
        Assert.Equal(before with { ReferralsOpened = before.ReferralsOpened + load.Accepted.Count, MatchesProposed = before.MatchesProposed + load.Accepted.Count }, after);
        var faulted = (await network.Servers.QueuesAsync()).Where(q => q.Queue.EndsWith("_error", StringComparison.Ordinal)
            || q.Queue.EndsWith("_parked", StringComparison.Ordinal) || q.Queue.EndsWith("_skipped", StringComparison.Ordinal)).ToList();
        Assert.All(faulted, q => Assert.Equal(0, q.Ready + q.Unacknowledged));
    }
}
