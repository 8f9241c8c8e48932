using Microsoft.Extensions.Logging;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Deletes the bookkeeping every service database holds once it has served: dispatched outbox rows (written twice per
/// message, so kept minutes), inbox rows (kept beyond any redelivery) and the answers kept for Idempotency-Key retries.
/// Each instance may run it; a delete of what another instance deleted deletes nothing.
/// </summary>
public sealed class Housekeeping(Database database, IOptions<OutboxOptions> options, TimeProvider time, ILogger<Housekeeping> log)
    : PeriodicJob(time, log)
{
    private const string PurgeDispatched = "DELETE FROM outbox_messages WHERE dispatched_at < @Before";
    private const string PurgeInbox = "DELETE FROM inbox_messages WHERE processed_at < @Before";
    private const string PurgeIdempotencyKeys = "DELETE FROM idempotency_keys WHERE created_at < @Before";

    /// <summary>The inbox and the keys are kept for days and hours: an hourly pass is plenty for them.</summary>
    private static readonly TimeSpan PurgeLongKeptEvery = TimeSpan.FromHours(1);

    private DateTimeOffset _nextLongKeptPurge = DateTimeOffset.MinValue;

    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var keep = options.Value;
        await database.ExecuteAsync(PurgeDispatched, new { Before = now - keep.KeepDispatchedFor }, ct);
        if (now >= _nextLongKeptPurge)
        {
            await database.ExecuteAsync(PurgeInbox, new { Before = now - keep.KeepInboxFor }, ct);
            await database.ExecuteAsync(PurgeIdempotencyKeys, new { Before = now - keep.KeepIdempotencyKeysFor }, ct);
            _nextLongKeptPurge = now + PurgeLongKeptEvery;
        }
        return false;
    }
}
