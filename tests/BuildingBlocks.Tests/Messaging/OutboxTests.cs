using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

[Collection(BrokerCollection.Name)]
public sealed class OutboxTests
{
    [Fact]
    public async Task A_message_committed_by_a_process_that_died_before_dispatching_is_published_by_the_next_dispatcher()
    {
        var world = await ProbeWorld.CreateAsync();
        await (await MessagingHost.StartAsync(world)).DisposeAsync(); // creates the schema and the queues, then stops

        var probes = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        await ProbeWorld.CommitAsync(world.WriterWithoutDispatcher(), probes.Select(id => new ProbeSent(id)));
        Assert.Equal(20, await world.WaitingInOutboxAsync());

        await using var restarted = await MessagingHost.StartAsync(world);
        await Eventually.Until(() => world.Log.SawAll(probes), "the restarted service to publish what the dead one committed");
        await Eventually.Until(world.WaitingInOutboxAsync, waiting => waiting == 0, "every row to be marked dispatched");
        Assert.All(probes, id => Assert.Equal(1, world.Log.CountOf(id)));
    }

    [Fact]
    public async Task A_row_that_cannot_be_published_is_parked_after_its_attempts_and_does_not_hold_up_the_rows_behind_it()
    {
        var world = await ProbeWorld.CreateAsync();
        await (await MessagingHost.StartAsync(world)).DisposeAsync(); // creates the schema and the queues, then stops
        var bad = Guid.NewGuid();
        // A row whose type no build of this service knows (say, written by a newer version that was rolled back).
        await world.QueryAsync<int>(
            "INSERT INTO outbox_messages (id, message_type, body, created_at) VALUES (@Id, 'Gone.Message, Gone', '{}', now()) RETURNING 1", new { Id = bad });
        var probes = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        await ProbeWorld.CommitAsync(world.WriterWithoutDispatcher(), probes.Select(id => new ProbeSent(id)));

        await using var host = await MessagingHost.StartAsync(world, new() { ["Outbox:ParkAfterAttempts"] = "2" });
        using var client = host.Client();
        await Eventually.Until(() => world.Log.SawAll(probes), "the rows behind the bad one to be published");
        var attemptsWhenParked = await Eventually.Until(
            () => world.QueryAsync<int>("SELECT COALESCE((SELECT attempts FROM outbox_messages WHERE id = @Id AND parked_at IS NOT NULL), 0)", new { Id = bad }),
            attempts => attempts > 0, "the bad row to be parked");
        var ready = await Eventually.Until(async () => await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync(),
            status => status == "Degraded", "readiness to show the parked row");

        Assert.Equal(2, attemptsWhenParked);
        Assert.Equal(0, await world.WaitingInOutboxAsync() - 1); // only the parked row is left undispatched
        Assert.Equal("Degraded", ready);
    }

    [Fact]
    public async Task Rows_a_committing_instance_still_holds_are_left_to_it_until_its_lease_runs_out()
    {
        var world = await ProbeWorld.CreateAsync();
        await using var host = await MessagingHost.StartAsync(world, new() { ["Outbox:PollInterval"] = "00:10:00" });
        var probes = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        var lease = TimeSpan.FromSeconds(3);

        // Taken before the commit: the lease cannot have started earlier, however long the commit takes.
        var leasedAt = DateTimeOffset.UtcNow;
        await ProbeWorld.CommitAsync(world.WriterThatDiesHoldingItsRows(lease), probes.Select(id => new ProbeSent(id)));
        var other = ActivatorUtilities.CreateInstance<OutboxDispatcher>(host.Services);

        var takenWhileHeld = await other.DispatchBatchAsync(CancellationToken.None);
        var takenAfter = await Eventually.Until(() => other.DispatchBatchAsync(CancellationToken.None), taken => taken > 0, "the lease to run out");

        Assert.Equal(0, takenWhileHeld);
        Assert.Equal(10, takenAfter);
        Assert.True(DateTimeOffset.UtcNow - leasedAt >= lease - TimeSpan.FromMilliseconds(100), "taken before the lease ran out");
        await Eventually.Until(() => world.Log.SawAll(probes), "every probe to arrive");
        Assert.All(probes, id => Assert.Equal(1, world.Log.CountOf(id)));
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        var world = await ProbeWorld.CreateAsync();
        await using var host = await MessagingHost.StartAsync(world);
        var rolledBack = Guid.NewGuid();
        var committed = Guid.NewGuid();

        await using (var work = await host.Database.BeginAsync(CancellationToken.None))
        {
            work.Publish(new ProbeSent(rolledBack));
            // Disposed without commit: the transaction rolls back.
        }
        await ProbeWorld.CommitAsync(host.Database, [new ProbeSent(committed)]);

        await Eventually.Until(() => world.Log.SawAll([committed]), "the committed probe to arrive");
        Assert.Equal(0, world.Log.CountOf(rolledBack));
        Assert.Equal(0L, await world.QueryAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE body LIKE @Id", new { Id = $"%{rolledBack}%" }));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_table_publish_each_message_exactly_once()
    {
        var world = await ProbeWorld.CreateAsync();
        // The host's own dispatcher is not woken by the separate writer and polls only every 10 minutes.
        await using var host = await MessagingHost.StartAsync(world, new() { ["Outbox:PollInterval"] = "00:10:00" });
        var published = new ConcurrentDictionary<Guid, int>();
        using var _ = host.Bus.ConnectPublishObserver(new PublishCounter(published));

        var probes = Enumerable.Range(0, 400).Select(_ => Guid.NewGuid()).ToList();
        await ProbeWorld.CommitAsync(world.WriterWithoutDispatcher(), probes.Select(id => new ProbeSent(id)));

        var smallBatches = Options.Create(new OutboxOptions { BatchSize = 25 });
        var dispatchers = Enumerable.Range(0, 2)
            .Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(host.Services, smallBatches))
            .ToList();
        var batchesEach = await Task.WhenAll(dispatchers.Select(async dispatcher =>
        {
            var batches = 0;
            while (await dispatcher.DispatchBatchAsync(CancellationToken.None) > 0)
            {
                batches++;
            }
            return batches;
        }));

        Assert.Equal(0, await world.WaitingInOutboxAsync());
        Assert.Equal(400, published.Count);
        Assert.All(published.Values, count => Assert.Equal(1, count));
        Assert.All(batchesEach, batches => Assert.True(batches > 0, "both dispatchers should have taken part"));
        await Eventually.Until(() => world.Log.SawAll(probes), "every probe to be consumed");
    }
}
