using System.Collections.Concurrent;
using MassTransit;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

[Collection(BrokerCollection.Name)]
public sealed class InboxTests
{
    [Fact]
    public async Task The_same_message_delivered_twice_changes_the_database_once()
    {
        var world = await ProbeWorld.CreateAsync();
        await using var host = await MessagingHost.StartAsync(world);
        var consumed = new ConcurrentDictionary<Guid, int>();
        using var _ = host.Bus.ConnectConsumeObserver(new ConsumeCounter(consumed));
        var probe = new ProbeCounted(Guid.NewGuid());
        var messageId = NewId.NextGuid();

        // What a redelivery looks like: the same message id arrives again (as after a crash between publish and mark).
        await host.Bus.Publish(probe, context => context.MessageId = messageId);
        await host.Bus.Publish(probe, context => context.MessageId = messageId);

        await Eventually.Until(() => consumed.GetValueOrDefault(messageId) == 2, "both deliveries to be consumed");
        Assert.Equal(1, await world.QueryAsync<int>("SELECT applied FROM probe_effects WHERE probe_id = @ProbeId", probe));
    }

    [Fact]
    public async Task A_batch_applies_each_message_once_even_when_one_arrives_twice()
    {
        var world = await ProbeWorld.CreateAsync();
        await using var host = await MessagingHost.StartAsync(world);
        var consumed = new ConcurrentDictionary<Guid, int>();
        using var _ = host.Bus.ConnectConsumeObserver(new ConsumeCounter(consumed));
        var probe = new ProbeBatched(Guid.NewGuid());
        var (first, second) = (NewId.NextGuid(), NewId.NextGuid());

        await host.Bus.Publish(probe, context => context.MessageId = first);
        await host.Bus.Publish(probe, context => context.MessageId = first);
        await host.Bus.Publish(probe, context => context.MessageId = second);

        await Eventually.Until(
            () => consumed.GetValueOrDefault(first) == 2 && consumed.GetValueOrDefault(second) == 1, "all three deliveries to be consumed");
        Assert.Equal(2, await world.QueryAsync<int>("SELECT applied FROM probe_effects WHERE probe_id = @ProbeId", probe));
    }
}
