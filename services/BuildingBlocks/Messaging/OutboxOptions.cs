using System.ComponentModel.DataAnnotations;

namespace ReferralNet.BuildingBlocks.Messaging;

public sealed class OutboxOptions : IOptionsSection
{
    public static string Section => "Outbox";

    /// <summary>How often the dispatcher looks for rows nobody woke it for (left behind by a crash or another instance).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Dispatch loops per instance. While one waits for the broker to confirm its batch, another takes the rows committed
    /// meanwhile, so a message does not queue behind a batch in flight. SKIP LOCKED keeps the loops off each other's rows.
    /// </summary>
    [Range(1, 16)]
    public int Lanes { get; set; } = 3;

    /// <summary>A row that failed this many times while others published (or that does not read as its type) is parked.</summary>
    [Range(1, 1000)]
    public int ParkAfterAttempts { get; set; } = 10;

    /// <summary>A publish that the broker has not confirmed by then fails the batch; its rows stay and are retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Dispatched rows are kept this long (the load tool reads commit-to-publish latency from them), then deleted. Short:
    /// each row is written twice, and an hour of them at 100 referrals/s made the outbox the largest table of the network,
    /// which every vacuum of it scanned again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan KeepDispatchedFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Inbox rows must outlive any redelivery; a week is far beyond the broker's redelivery window.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan KeepInboxFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A retry with an Idempotency-Key gets the first answer within this time; after it the key may be used afresh.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan KeepIdempotencyKeysFor { get; set; } = TimeSpan.FromHours(24);
}
