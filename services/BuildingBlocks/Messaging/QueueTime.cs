using System.Diagnostics.Metrics;
using MassTransit;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// How long this service's messages wait, from publish until a consumer starts on them: how far its background work is
/// behind. Every <c>/health/ready</c> answer carries the longest of the last half second or second in <see cref="Header"/>,
/// and the gateway's admission control refuses new work while a service is behind (see decisions, issue 13).
/// Redelivered messages are left out: they wait on purpose. Measured on the system clock, as MassTransit stamps
/// <c>SentTime</c>: the service's own <see cref="TimeProvider"/> is the time of its deadlines, which tests move by days.
/// </summary>
public sealed class QueueTime : IConsumeObserver
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public const string Header = "ReferralNet-Queue-Time-Ms";
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);

    private static readonly Meter Meter = new("ReferralNet.Messaging.QueueTime");
    private static readonly Histogram<double> Waited = Meter.CreateHistogram<double>(
        "referralnet.messages.queue_time", "ms", "Time from publish until a consumer started on the message");

    private readonly Lock _lock = new();
    private long _windowStartedAt = Clock.GetTimestamp();
    private double _current;
    private double _previous;

    /// <summary>The longest wait seen in this window and the one before it, in milliseconds.</summary>
    public double RecentMilliseconds
    {
        get
        {
            lock (_lock)
            {
                Roll();
                return Math.Max(_current, _previous);
            }
        }
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.SentTime is { } sent && !context.Headers.TryGetHeader(RedeliveryQueues.RedeliveriesHeader, out _))
        {
            var waited = Math.Max(0, (Clock.GetUtcNow().UtcDateTime - sent).TotalMilliseconds);
            Waited.Record(waited);
            lock (_lock)
            {
                Roll();
                _current = Math.Max(_current, waited);
            }
        }
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    private void Roll()
    {
        var elapsed = Clock.GetElapsedTime(_windowStartedAt);
        if (elapsed < Window)
        {
            return;
        }
        // A quiet service is not behind: a window with nothing consumed forgets the one before.
        _previous = elapsed < 2 * Window ? _current : 0;
        _current = 0;
        _windowStartedAt = Clock.GetTimestamp();
    }
}
