using System.Diagnostics.Metrics;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

/// <summary>Counts the redeliveries the building blocks report (<c>referralnet.messages.redelivered</c>) while it lives.</summary>
public sealed class RedeliveryCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public RedeliveryCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "referralnet.messages.redelivered")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
