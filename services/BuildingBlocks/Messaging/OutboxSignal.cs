namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>Wakes the dispatcher the moment a transaction with messages commits, so publishing does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private int _signalled;

    /// <summary>Signals once however many transactions commit before the dispatcher looks: one wake-up drains them all.</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            _pending.Release();
        }
    }

    /// <summary>Waits for a wake-up or the polling interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, CancellationToken ct)
    {
        await _pending.WaitAsync(pollInterval, ct);
        // Cleared before the dispatcher reads the table, so a commit after this point signals again.
        Interlocked.Exchange(ref _signalled, 0);
    }
}
