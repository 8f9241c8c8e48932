namespace ReferralNet.Faults.Tests;

/// <summary>The servers crash under a load of referrals; at the end each accepted referral took effect exactly once.</summary>
[Collection(FaultCollection.Name)]
public sealed class ServerCrashTests(FaultNetwork fixture)
{
    private const int PerSecond = 20;

    [Fact]
    public Task Broker_killed_with_sigkill_and_restarted_under_load_loses_and_repeats_nothing() =>
        fixture.UnderLoadAsync(PerSecond, async load =>
        {
            await FaultNetwork.UntilSentAsync(load, 3 * PerSecond);
            await fixture.Network.Servers.KillBrokerAsync();
            await FaultNetwork.UntilSentAsync(load, 8 * PerSecond); // five seconds without a broker: intake keeps accepting, its outbox keeps
            await fixture.Network.Servers.StartBrokerAsync();
            await FaultNetwork.UntilSentAsync(load, 13 * PerSecond);
        });

    [Fact]
    public Task Postgres_restarted_immediately_under_load_loses_and_repeats_nothing() =>
        fixture.UnderLoadAsync(PerSecond, async load =>
        {
            await FaultNetwork.UntilSentAsync(load, 3 * PerSecond);
            await fixture.Network.Servers.RestartPostgresImmediatelyAsync();
            await FaultNetwork.UntilSentAsync(load, 10 * PerSecond);
        });

    [Fact]
    public Task A_consumer_killed_mid_message_and_started_again_loses_and_repeats_nothing() =>
        fixture.UnderLoadAsync(PerSecond, async load =>
        {
            await FaultNetwork.UntilSentAsync(load, 3 * PerSecond);
            var matching = fixture.Network.Instance("matching", 1);
            // Under load its consumers are always in the middle of messages: those it holds go back to the queue unacknowledged.
            await matching.KillAsync();
            await FaultNetwork.UntilSentAsync(load, 6 * PerSecond);
            matching.Start();
            await matching.UntilReadyAsync();
            await FaultNetwork.UntilSentAsync(load, 9 * PerSecond);
        });

    [Fact]
    public async Task Two_instances_of_matching_and_handoff_compete_for_their_queues_and_process_each_message_once()
    {
        await fixture.UnderLoadAsync(2 * PerSecond, load => FaultNetwork.UntilSentAsync(load, 10 * PerSecond));

        var queues = (await fixture.Network.Servers.QueuesAsync())
            .Where(q => (q.Queue.StartsWith("matching-", StringComparison.Ordinal) || q.Queue.StartsWith("handoff-", StringComparison.Ordinal)) && !q.Queue.Contains('_'))
            .ToList();
        Assert.NotEmpty(queues);
        Assert.All(queues, q => Assert.Equal((q.Queue, 2), (q.Queue, q.Consumers)));
    }
}
