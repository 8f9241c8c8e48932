using MassTransit;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Contracts;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>Every consumer of every service names its inbox (and so its queue) with a stable string of its own.</summary>
[Trait(Tier.Trait, Tier.Unit)]
public sealed class InboxNameTests
{
    private static readonly (string Service, Type Marker)[] Services =
    [
        ("intake", typeof(Intake.Consumers.CaseTimelineRecorder)), ("matching", typeof(Matching.Consumers.ReferralRanker)),
        ("consent", typeof(Consent.Consumers.AccessLogRecorder)), ("handoff", typeof(Handoff.Consumers.ReferralRecorder)),
        ("insights", typeof(Insights.Consumers.FlowRecorder)),
    ];

    private static readonly Type[] SharedConsumers = [typeof(BuildingBlocks.Consent.ConsentProjector), typeof(BuildingBlocks.Consent.ParticipationRecorder)];

    [Fact]
    public void Every_consumer_names_an_inbox_of_its_own_in_its_service()
    {
        foreach (var (service, marker) in Services)
        {
            var consumers = marker.Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IConsumer).IsAssignableFrom(t))
                .Concat(SharedConsumers).ToList();

            Assert.All(consumers, c => Assert.True(typeof(IInboxConsumer).IsAssignableFrom(c), $"{c.Name} in {service} names no inbox"));
            var inboxes = consumers.Select(InboxEndpointNameFormatter.InboxOf).ToList();
            Assert.Equal(inboxes.Count, inboxes.Distinct().Count());
            Assert.All(inboxes, inbox => Assert.Matches("^[a-z]+(-[a-z]+)*$", inbox));
        }
    }

    [Fact]
    public void A_consumers_queue_is_its_service_and_its_inbox_whatever_the_class_is_called()
    {
        var formatter = new InboxEndpointNameFormatter("handoff");

        Assert.Equal("handoff-referral-submitted", formatter.Consumer<Handoff.Consumers.ReferralRecorder>());
        Assert.Equal("handoff-consent-projection", formatter.Consumer<BuildingBlocks.Consent.ConsentProjector>());
        Assert.Throws<InvalidOperationException>(() => InboxEndpointNameFormatter.InboxOf(typeof(UnnamedConsumer)));
    }

    private sealed class UnnamedConsumer : IConsumer<ReferralSubmitted>
    {
        public Task Consume(ConsumeContext<ReferralSubmitted> context) => Task.CompletedTask;
    }
}
