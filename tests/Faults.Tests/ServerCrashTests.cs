using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

/// <summary>The servers crash under a load of referrals; at the end each accepted referral took effect exactly once.</summary>
[Collection(FaultCollection.Name)]
public sealed class ServerCrashTests(FaultNetwork fixture)
{
    private const int PerSecond = 20;

    [Fact]
    public async Task Broker_killed_with_sigkill_and_restarted_under_load_loses_and_repeats_nothing()
    {
        await fixture.Ledger.UntilQuietAsync();
        var before = await fixture.Ledger.FiguresAsync();
        var load = await fixture.StartLoadAsync(PerSecond);
        await UntilSentAsync(load, 3 * PerSecond);

        await fixture.Network.Servers.KillBrokerAsync();
        await UntilSentAsync(load, 8 * PerSecond); // five seconds without a broker: intake keeps accepting, its outbox keeps
        await fixture.Network.Servers.StartBrokerAsync();
        await UntilSentAsync(load, 13 * PerSecond);

        await fixture.Ledger.AssertEachTookEffectOnceAsync(await load.StopAsync(), before);
    }

    [Fact]
    public async Task Postgres_restarted_immediately_under_load_loses_and_repeats_nothing()
    {
        await fixture.Ledger.UntilQuietAsync();
        var before = await fixture.Ledger.FiguresAsync();
        var load = await fixture.StartLoadAsync(PerSecond);
        await UntilSentAsync(load, 3 * PerSecond);

        await fixture.Network.Servers.RestartPostgresImmediatelyAsync();
        await UntilSentAsync(load, 10 * PerSecond);

        await fixture.Ledger.AssertEachTookEffectOnceAsync(await load.StopAsync(), before);
    }

    [Fact]
    public async Task A_consumer_killed_mid_message_and_started_again_loses_and_repeats_nothing()
    {
        await fixture.Ledger.UntilQuietAsync();
        var before = await fixture.Ledger.FiguresAsync();
        var load = await fixture.StartLoadAsync(PerSecond);
        await UntilSentAsync(load, 3 * PerSecond);
        var matching = fixture.Network.Instance("matching", 1);

        // Under load its consumers are always in the middle of messages: those it holds go back to the queue unacknowledged.
        await matching.KillAsync();
        await UntilSentAsync(load, 6 * PerSecond);
        matching.Start();
        await matching.UntilReadyAsync();
        await UntilSentAsync(load, 9 * PerSecond);

        await fixture.Ledger.AssertEachTookEffectOnceAsync(await load.StopAsync(), before);
    }

    [Fact]
    public async Task Two_instances_of_matching_and_handoff_compete_for_their_queues_and_process_each_message_once()
    {
        await fixture.Ledger.UntilQuietAsync();
        var before = await fixture.Ledger.FiguresAsync();
        var load = await fixture.StartLoadAsync(2 * PerSecond);
        await UntilSentAsync(load, 10 * PerSecond);

        await fixture.Ledger.AssertEachTookEffectOnceAsync(await load.StopAsync(), before);
        var queues = (await fixture.Network.Servers.QueuesAsync()).Select(q => q.Queue)
            .Where(q => (q.StartsWith("matching-", StringComparison.Ordinal) || q.StartsWith("handoff-", StringComparison.Ordinal)) && !q.Contains('_'))
            .ToList();
        Assert.NotEmpty(queues);
        foreach (var queue in queues)
        {
            Assert.Equal((queue, 2), (queue, await fixture.Network.Servers.ConsumersOfAsync(queue)));
        }
    }

    internal static Task UntilSentAsync(ReferralLoad load, int count) =>
        Eventually.Until(() => load.Sent >= count, $"{count} referrals to have been sent", TimeSpan.FromMinutes(1));
}
