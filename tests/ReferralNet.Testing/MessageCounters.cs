using System.Collections.Concurrent;
using MassTransit;

namespace ReferralNet.Testing;

/// <summary>Counts how often each message id was consumed (by any consumer of the bus it observes).</summary>
public sealed class ConsumeCounter(ConcurrentDictionary<Guid, int> consumed) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        consumed.AddOrUpdate(context.MessageId!.Value, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>Counts how often each message id was published and confirmed.</summary>
public sealed class PublishCounter(ConcurrentDictionary<Guid, int> published) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        published.AddOrUpdate(context.MessageId!.Value, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
