using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

[Collection(OwnBrokerCollection.Name)]
public sealed class BrokerRestartTests(OwnBrokerFixture broker)
{
    [Fact]
    public async Task Messages_waiting_in_the_outbox_while_the_broker_is_down_are_all_delivered_once_it_is_back()
    {
        var world = await ProbeWorld.CreateAsync(broker.Servers);
        await using var host = await MessagingHost.StartAsync(world);
        var probes = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        using var client = host.Client();

        await world.Servers.RabbitCtl(["stop_app"]);
        try
        {
            // Degraded, still serving: what the service emits waits in its outbox.
            await Eventually.Until(async () => await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync(),
                status => status == "Degraded", "readiness to report the broker gone");
            foreach (var batch in probes.Chunk(10))
            {
                await ProbeWorld.CommitAsync(host.Database, batch.Select(id => new ProbeCounted(id)));
            }
            Assert.Equal(50, await world.WaitingInOutboxAsync());
        }
        finally
        {
            await world.Servers.RabbitCtl(["start_app"]);
        }

        await Eventually.Until(async () => await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync(),
            status => status == "Healthy", "readiness to report the broker back", TimeSpan.FromSeconds(90));
        // Delivery is at least once; the inbox makes each effect happen once: 50 rows, each applied once.
        await Eventually.Until(
            () => world.QueryAsync<long>("SELECT COUNT(*) FROM probe_effects WHERE probe_id = ANY(@Ids)", new { Ids = probes.ToArray() }),
            applied => applied == 50, "every probe's effect after the broker came back", TimeSpan.FromSeconds(90));
        Assert.Equal(1, await world.QueryAsync<int>("SELECT MAX(applied) FROM probe_effects"));
        Assert.Equal(0, await world.WaitingInOutboxAsync());
    }

    [Fact]
    public async Task A_bus_that_lost_its_consumers_while_the_broker_answers_is_restarted_and_consumes_again()
    {
        var world = await ProbeWorld.CreateAsync(broker.Servers);
        await using var host = await MessagingHost.StartAsync(world, new()
        {
            ["Broker:WatchConsumersEvery"] = "00:00:00.500", ["Broker:RestartBusWithoutConsumersAfter"] = "00:00:02",
        });
        var probe = Guid.NewGuid();

        // As after an unlucky broker crash: no consumer on the service's queues, and nothing failing.
        await host.Services.GetRequiredService<MassTransit.IBusControl>().StopAsync();
        await ProbeWorld.CommitAsync(host.Database, [new ProbeCounted(probe)]);

        await Eventually.Until(
            () => world.QueryAsync<long>("SELECT COUNT(*) FROM probe_effects WHERE probe_id = @Probe", new { Probe = probe }),
            applied => applied == 1, "the probe's effect once the bus is consuming again", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_service_starts_without_the_broker_keeps_what_it_emits_and_is_ready_once_its_queues_are_bound()
    {
        var world = await ProbeWorld.CreateAsync(broker.Servers);
        await (await MessagingHost.StartAsync(world)).DisposeAsync(); // the schema and the queues, as after an earlier run
        var probes = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        await world.Servers.RabbitCtl(["stop_app"]);
        MessagingHost? host = null;
        try
        {
            host = await MessagingHost.StartAsync(world, untilReady: false).WaitAsync(TimeSpan.FromSeconds(20));
            using var client = host.Client();
            var (live, ready) = (await client.GetAsync("/health/live"), await client.GetAsync("/health/ready"));
            await ProbeWorld.CommitAsync(host.Database, probes.Select(id => new ProbeCounted(id)));

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
            Assert.Equal(10, await world.WaitingInOutboxAsync());
        }
        finally
        {
            await world.Servers.RabbitCtl(["start_app"]);
        }
        await using (host)
        {
            using var client = host.Client();
            await Eventually.Until(async () => (await client.GetAsync("/health/ready")).StatusCode, status => status == HttpStatusCode.OK,
                "readiness once the broker came and the queues are bound", TimeSpan.FromSeconds(90));
            await Eventually.Until(
                () => world.QueryAsync<long>("SELECT COUNT(*) FROM probe_effects WHERE probe_id = ANY(@Ids)", new { Ids = probes.ToArray() }),
                applied => applied == probes.Count, "every probe's effect once the broker came", TimeSpan.FromSeconds(90));
        }
    }
}
