using System.Net;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

/// <summary>Redelivery here: two retries, then deliveries again after 0.3 s and 0.6 s (repeating), parked after 2 s.</summary>
[Collection(BrokerCollection.Name)]
public sealed class PoisonMessageTests
{
    private static string QueueOf<TConsumer>() where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter(MessagingHost.ServiceName + "-", false).Consumer<TConsumer>();

    [Fact]
    public async Task A_message_that_keeps_failing_is_delivered_again_later_then_parked_without_holding_up_the_next_message()
    {
        var world = await ProbeWorld.CreateAsync();
        await using var host = await MessagingHost.StartAsync(world);
        using var client = host.Client();
        var poison = Guid.NewGuid();
        var good = Guid.NewGuid();

        await ProbeWorld.CommitAsync(host.Database, [new ProbeSent(poison, Poison: true)]);
        await ProbeWorld.CommitAsync(host.Database, [new ProbeSent(good)]);

        var parked = QueueOf<ProbeConsumer>() + RedeliveryQueues.ParkedSuffix;
        await Eventually.Until(() => MessagesInAsync(world, parked), count => count == 1, $"the poison probe in {parked}");
        // Readiness reads the broker at most every 5 s.
        var ready = await Eventually.Until(() => client.GetAsync("/health/ready"),
            r => r.Content.ReadAsStringAsync().GetAwaiter().GetResult() == "Degraded", "readiness to show the parked message");
        Assert.Equal(1, world.Log.CountOf(good));
        var deliveries = world.Log.CountOf(poison);
        // Delivered again later at least once before the 2 s horizon parked it (how often depends on how busy the machine is).
        Assert.True(deliveries >= 2 * 3 && deliveries % 3 == 0, $"{deliveries} deliveries: each delivery is a first try and Broker:RetryLimit = 2 retries, and it was delivered at least twice");
        Assert.Single(world.Log.Deliveries.Where(d => d.ProbeId == poison).Select(d => d.MessageId).Distinct());
        Assert.True(world.Log.Deliveries.Single(d => d.ProbeId == good).At < world.Log.Deliveries.Last(d => d.ProbeId == poison).At,
            "the good message should be handled while the poison one is still being retried");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(0u, await MessagesInAsync(world, QueueOf<ProbeConsumer>() + "_error"));
    }

    [Fact]
    public async Task A_parked_message_redriven_after_the_fix_takes_effect_once()
    {
        var world = await ProbeWorld.CreateAsync();
        await using var host = await MessagingHost.StartAsync(world);
        using var client = host.Client();
        var probe = Guid.NewGuid();
        world.Faults.Fail(probe);
        await ProbeWorld.CommitAsync(host.Database, [new ProbeCounted(probe)]);
        var queue = QueueOf<CountingConsumer>();
        await Eventually.Until(() => MessagesInAsync(world, queue + RedeliveryQueues.ParkedSuffix), count => count == 1, "the failing probe parked");

        world.Faults.Heal(probe);
        var moved = await ParkedMessages.RedriveAsync(world.Broker(), queue, CancellationToken.None);

        Assert.Equal(1, moved);
        await Eventually.Until(() => world.QueryAsync<int>("SELECT COALESCE((SELECT applied FROM probe_effects WHERE probe_id = @Id), 0)", new { Id = probe }),
            applied => applied == 1, "the redriven probe's effect");
        await Eventually.Until(async () => await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync(),
            status => status == "Healthy", "readiness healthy again once nothing is parked");
        Assert.Equal(0u, await MessagesInAsync(world, queue + RedeliveryQueues.ParkedSuffix));
    }

    [Fact]
    public async Task A_batch_that_fails_is_delivered_again_later_and_takes_effect_once_healed()
    {
        var world = await ProbeWorld.CreateAsync();
        await using var host = await MessagingHost.StartAsync(world, new() { ["Broker:RedeliverFor"] = "00:00:30" });
        using var redeliveries = new RedeliveryCounter();
        var probes = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        world.Faults.Fail(probes[0]);
        await ProbeWorld.CommitAsync(host.Database, probes.Select(id => new ProbeBatched(id)));

        await Eventually.Until(() => redeliveries.Count >= probes.Count, "every message of the failed batch to be redelivered");
        world.Faults.Heal(probes[0]);

        await Eventually.Until(
            () => world.QueryAsync<long>("SELECT COUNT(*) FROM probe_effects WHERE probe_id = ANY(@Ids)", new { Ids = probes.ToArray() }),
            applied => applied == probes.Count, "every probe of the batch once healed");
        Assert.Equal(1, await world.QueryAsync<int>("SELECT MAX(applied) FROM probe_effects"));
        Assert.Equal(0u, await MessagesInAsync(world, QueueOf<BatchCountingConsumer>() + "_error"));
    }

    private static async Task<uint> MessagesInAsync(ProbeWorld world, string queue)
    {
        await using var connection = await world.Broker().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }
}
