using MassTransit;

namespace ReferralNet.Insights.Consumers;

/// <summary>
/// Batches of up to <see cref="FlowRecorder.BatchSize"/> events, two at a time; the endpoint lets enough messages in
/// at once to fill them (the network's default concurrency is far lower).
/// </summary>
public sealed class FlowRecorderDefinition : ConsumerDefinition<FlowRecorder>
{
    private const int ConcurrentBatches = 2;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<FlowRecorder> consumer, IRegistrationContext context)
    {
        var capacity = FlowRecorder.BatchSize * ConcurrentBatches;
        endpoint.PrefetchCount = capacity;
        endpoint.ConcurrentMessageLimit = capacity;
        consumer.Options<BatchOptions>(batch => batch
            .SetMessageLimit(FlowRecorder.BatchSize)
            .SetTimeLimit(FlowRecorder.BatchWindow)
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
