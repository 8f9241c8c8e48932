namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>Wakes the dispatcher the moment a transaction with messages commits, so publishing does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up drains everything committed so far.
        }
    }

    /// <summary>Waits for a wake-up or the polling interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken ct) => _pending.WaitAsync(pollInterval, ct);
}
