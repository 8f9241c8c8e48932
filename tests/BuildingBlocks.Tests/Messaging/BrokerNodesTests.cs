using System.ComponentModel.DataAnnotations;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class BrokerNodesTests
{
    [Fact]
    public void The_nodes_of_a_cluster_are_where_a_service_may_connect_instead_of_the_one_host()
    {
        var broker = new BrokerOptions { Host = "single", Port = 5672, Nodes = ["rabbit-0.broker:5672", "rabbit-1.broker:5673"] };

        Assert.Equal(["rabbit-0.broker:5672", "rabbit-1.broker:5673"], broker.Endpoints.Select(e => $"{e.HostName}:{e.Port}"));
        Assert.Equal(["single:5672"], new BrokerOptions { Host = "single", Port = 5672 }.Endpoints.Select(e => $"{e.HostName}:{e.Port}"));
    }

    [Theory]
    [InlineData("amqp://rabbit-0:5672")]
    [InlineData("rabbit-0")]
    [InlineData("rabbit-0:port")]
    public void A_node_that_is_not_host_and_port_is_refused_at_start(string node)
    {
        var broker = new BrokerOptions { Nodes = ["rabbit-1:5672", node] };

        var refused = Assert.Single(broker.Validate(new ValidationContext(broker)));
        Assert.Equal([nameof(BrokerOptions.Nodes)], refused.MemberNames);
    }
}
