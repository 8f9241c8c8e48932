namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// The outbox and inbox statements in one place: the seam where a SQL Server dialect would differ
/// (SKIP LOCKED becomes READPAST, ON CONFLICT a caught duplicate key, arrays and unnest a table-valued parameter).
/// </summary>
internal static class OutboxSql
{
    /// <summary>A message on its way into the outbox; <see cref="Message"/> is kept for publishing it from memory.</summary>
    internal sealed record Outgoing(Guid Id, string MessageType, string Body, string? TraceParent, object Message);

    /// <summary>A stored message, as the dispatcher claims it.</summary>
    internal sealed record Row(Guid Id, string MessageType, string Body, string? TraceParent, DateTimeOffset CreatedAt);

    /// <summary>All messages of one transaction in one statement, one array per column, stored at one time.</summary>
    public const string Insert = """
        INSERT INTO outbox_messages (id, message_type, body, trace_parent, created_at, leased_until)
        SELECT id, message_type, body, trace_parent, @StoredAt, @LeasedUntil
        FROM unnest(@Ids, @MessageTypes, @Bodies, @TraceParents) AS outgoing (id, message_type, body, trace_parent)
        """;

    public static object Columns(IReadOnlyList<Outgoing> messages, DateTimeOffset storedAt, DateTimeOffset? leasedUntil) => new
    {
        Ids = messages.Select(m => m.Id).ToArray(),
        MessageTypes = messages.Select(m => m.MessageType).ToArray(),
        Bodies = messages.Select(m => m.Body).ToArray(),
        TraceParents = messages.Select(m => m.TraceParent).ToArray(),
        StoredAt = storedAt,
        LeasedUntil = leasedUntil,
    };

    /// <summary>
    /// Rows locked here are skipped by every other dispatcher until this transaction ends; rows whose committing
    /// instance still holds them (an unexpired lease) are not taken at all.
    /// </summary>
    public const string ClaimWaiting = """
        SELECT id, message_type AS MessageType, body, trace_parent AS TraceParent, created_at AS CreatedAt
        FROM outbox_messages
        WHERE dispatched_at IS NULL AND parked_at IS NULL AND (leased_until IS NULL OR leased_until < @Now)
        ORDER BY seq
        LIMIT @Limit
        FOR UPDATE SKIP LOCKED
        """;

    /// <summary>Gives rows the committing instance could not publish to the polling dispatchers at once.</summary>
    public const string ReleaseLease = "UPDATE outbox_messages SET leased_until = NULL WHERE id = ANY(@Ids) AND dispatched_at IS NULL";

    /// <summary>Each row gets the time its own confirmation arrived.</summary>
    public const string MarkDispatched = """
        UPDATE outbox_messages SET dispatched_at = confirmed.at
        FROM unnest(@Ids, @Times) AS confirmed (id, at)
        WHERE outbox_messages.id = confirmed.id
        """;

    /// <summary>Counts a failed try of each row, and parks those that reached the limit.</summary>
    public const string CountFailures = """
        UPDATE outbox_messages SET attempts = attempts + 1, last_error = failed.error,
            parked_at = CASE WHEN attempts + 1 >= @ParkAfter THEN @Now END
        FROM unnest(@Ids, @Errors) AS failed (id, error)
        WHERE outbox_messages.id = failed.id
        RETURNING outbox_messages.id, outbox_messages.parked_at IS NOT NULL AS parked
        """;

    public const string CountParked = "SELECT COUNT(*) FROM outbox_messages WHERE parked_at IS NOT NULL";

    /// <summary>No ON CONFLICT: a second delivery must fail on the key, which rolls back its whole transaction.</summary>
    public const string RecordInbox = """
        INSERT INTO inbox_messages (message_id, consumer, processed_at)
        VALUES (@MessageId, @Consumer, @Now)
        """;

    /// <summary>Answers the ids that were not in the inbox yet: the messages of the batch to apply.</summary>
    public const string RecordInboxBatch = """
        INSERT INTO inbox_messages (message_id, consumer, processed_at)
        SELECT DISTINCT id, @Consumer, @Now FROM unnest(@MessageIds) AS id
        ON CONFLICT DO NOTHING
        RETURNING message_id
        """;

    public const string AlreadyConsumed = "SELECT COUNT(*) FROM inbox_messages WHERE message_id = @MessageId AND consumer = @Consumer";
}
