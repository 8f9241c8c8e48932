using System.Threading.Channels;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// What a commit tells the outbox dispatcher of its own process. With a dispatcher attached, the committed messages are
/// handed over to be published at once, from memory, under a lease stored with the rows; without one (a process that
/// only writes), the commit wakes whatever polls.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private int _signalled;
    private Channel<CommittedMessages>? _committed;

    /// <summary>How long a committing instance holds its rows before any dispatcher may take them; null without a dispatcher.</summary>
    internal TimeSpan? Lease { get; private set; }

    internal ChannelReader<CommittedMessages> Committed => _committed!.Reader;

    internal void AttachDispatcher(TimeSpan lease)
    {
        _committed = Channel.CreateUnbounded<CommittedMessages>(new UnboundedChannelOptions { SingleReader = true });
        Lease = lease;
    }

    internal void Commit(IReadOnlyList<OutboxSql.Outgoing> messages, DateTimeOffset storedAt)
    {
        if (_committed is null || !_committed.Writer.TryWrite(new CommittedMessages(messages, storedAt)))
        {
            Wake();
        }
    }

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

/// <summary>The messages of one committed transaction, as stored.</summary>
internal sealed record CommittedMessages(IReadOnlyList<OutboxSql.Outgoing> Messages, DateTimeOffset StoredAt);
