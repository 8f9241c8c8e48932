using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

[Collection(BrokerCollection.Name)]
public sealed class PoisonMessageTests
{
    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_after_its_retries_and_does_not_hold_up_the_next_message()
    {
        var world = await ProbeWorld.CreateAsync();
        await using var host = await MessagingHost.StartAsync(world);
        var poison = Guid.NewGuid();
        var good = Guid.NewGuid();

        await ProbeWorld.CommitAsync(host.Database, [new ProbeSent(poison, Poison: true)]);
        await ProbeWorld.CommitAsync(host.Database, [new ProbeSent(good)]);

        var errorQueue = new KebabCaseEndpointNameFormatter(MessagingHost.ServiceName + "-", false).Consumer<ProbeConsumer>() + "_error";
        await Eventually.Until(() => MessagesInAsync(world, errorQueue), count => count == 1, $"the poison probe in {errorQueue}");
        Assert.Equal(1, world.Log.CountOf(good));
        Assert.Equal(1 + 2, world.Log.CountOf(poison)); // the first try and Broker:RetryLimit = 2 retries
        var lastPoisonAttempt = world.Log.Deliveries.Last(d => d.ProbeId == poison).At;
        Assert.True(world.Log.Deliveries.Single(d => d.ProbeId == good).At < lastPoisonAttempt,
            "the good message should be handled while the poison one is still being retried");
    }

    private static async Task<uint> MessagesInAsync(ProbeWorld world, string queue)
    {
        var factory = new ConnectionFactory
        {
            HostName = world.Servers.RabbitHost, Port = world.Servers.RabbitPort, VirtualHost = world.VirtualHost,
            UserName = world.Servers.RabbitUser, Password = world.Servers.RabbitPassword,
        };
        await using var connection = await factory.CreateConnectionAsync();
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
