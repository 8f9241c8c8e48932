using System.Collections.Concurrent;
using MassTransit;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Messaging;

namespace ReferralNet.BuildingBlocks.Tests.Messaging;

public sealed record ProbeSent(Guid ProbeId, bool Poison = false);

public sealed record ProbeCounted(Guid ProbeId);

public sealed record ProbeBatched(Guid ProbeId);

/// <summary>Every delivery a probe consumer saw, in order, with the time it saw it.</summary>
public sealed class ProbeLog
{
    private readonly ConcurrentQueue<(Guid ProbeId, Guid? MessageId, DateTimeOffset At)> _deliveries = new();

    public void Record(Guid probeId, Guid? messageId) => _deliveries.Enqueue((probeId, messageId, DateTimeOffset.UtcNow));

    public IReadOnlyList<(Guid ProbeId, Guid? MessageId, DateTimeOffset At)> Deliveries => _deliveries.ToArray();

    public int CountOf(Guid probeId) => _deliveries.Count(d => d.ProbeId == probeId);

    public bool SawAll(IEnumerable<Guid> probeIds)
    {
        var seen = _deliveries.Select(d => d.ProbeId).ToHashSet();
        return probeIds.All(seen.Contains);
    }
}

/// <summary>Records each delivery; a poison probe throws every time.</summary>
public sealed class ProbeConsumer(ProbeLog log) : IInboxConsumer, IConsumer<ProbeSent>
{
    // It keeps no inbox (the test counts every delivery), but names one like every consumer: its queue's name.
    public static string Inbox => "probe";

    public Task Consume(ConsumeContext<ProbeSent> context)
    {
        log.Record(context.Message.ProbeId, context.MessageId);
        if (context.Message.Poison)
        {
            throw new InvalidOperationException("This probe is poison.");
        }
        return Task.CompletedTask;
    }
}

/// <summary>Probes whose effect fails, in its transaction, until the test heals them (a bug, then its fix).</summary>
public sealed class ProbeFaults
{
    private readonly ConcurrentDictionary<Guid, byte> _failing = new();

    public void Fail(Guid probeId) => _failing[probeId] = 0;

    public void Heal(Guid probeId) => _failing.TryRemove(probeId, out _);

    public bool IsFailing(Guid probeId) => _failing.ContainsKey(probeId);
}

/// <summary>Adds one to the probe's row: the effect the inbox must keep to once per message.</summary>
public sealed class CountingConsumer(Database database, ProbeFaults faults) : IInboxConsumer, IConsumer<ProbeCounted>
{
    public static string Inbox => "counting";

    public Task Consume(ConsumeContext<ProbeCounted> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        await work.ExecuteAsync(
            """
            INSERT INTO probe_effects (probe_id, applied) VALUES (@ProbeId, 1)
            ON CONFLICT (probe_id) DO UPDATE SET applied = probe_effects.applied + 1
            """, context.Message, ct);
        if (faults.IsFailing(context.Message.ProbeId))
        {
            throw new InvalidOperationException("The probe's effect fails until it is healed.");
        }
    });
}

/// <summary>The batch form: adds one to the probe's row per message of the batch that was not handled before.</summary>
public sealed class BatchCountingConsumer(Database database, ProbeFaults faults) : IInboxConsumer, IConsumer<Batch<ProbeBatched>>
{
    public static string Inbox => "batch-counting";

    public Task Consume(ConsumeContext<Batch<ProbeBatched>> context) =>
        database.ConsumeBatchOnceAsync(context, Inbox, async (work, fresh, ct) =>
        {
            if (fresh.Any(probe => faults.IsFailing(probe.ProbeId)))
            {
                throw new InvalidOperationException("A probe of the batch fails until it is healed.");
            }
            foreach (var probe in fresh)
            {
                await work.ExecuteAsync(
                    """
                    INSERT INTO probe_effects (probe_id, applied) VALUES (@ProbeId, 1)
                    ON CONFLICT (probe_id) DO UPDATE SET applied = probe_effects.applied + 1
                    """, probe, ct);
            }
        });
}
