using System.Reflection;
using MassTransit;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Names each consumer's queue after the service and the consumer's inbox name (<c>handoff-referral-submitted</c>), so
/// two services never compete for one queue and renaming a class moves no queue. A consumer without an inbox name is
/// refused at start.
/// </summary>
public sealed class InboxEndpointNameFormatter(string serviceName) : KebabCaseEndpointNameFormatter(serviceName + "-", false)
{
    public override string Consumer<T>() => $"{serviceName}-{InboxOf(typeof(T))}";

    public static string InboxOf(Type consumer) =>
        consumer.GetInterfaces().Contains(typeof(IInboxConsumer))
            ? (string)consumer.GetProperty(nameof(IInboxConsumer.Inbox), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!
            : throw new InvalidOperationException($"{consumer.Name} names no inbox: every consumer implements {nameof(IInboxConsumer)}.");
}
