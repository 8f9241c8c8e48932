namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// The outbox and inbox statements in one place: the seam where a SQL Server dialect would differ
/// (SKIP LOCKED becomes READPAST, ON CONFLICT a caught duplicate key, = ANY(array) a table-valued parameter).
/// </summary>
internal static class OutboxSql
{
    public const string Insert = """
        INSERT INTO outbox_messages (id, message_type, body, trace_parent, created_at)
        VALUES (@Id, @MessageType, @Body, @TraceParent, @CreatedAt)
        """;

    /// <summary>Rows locked here are skipped by every other dispatcher until this transaction ends.</summary>
    public const string ClaimWaiting = """
        SELECT id, message_type AS MessageType, body, trace_parent AS TraceParent, created_at AS CreatedAt
        FROM outbox_messages
        WHERE dispatched_at IS NULL
        ORDER BY seq
        LIMIT @Limit
        FOR UPDATE SKIP LOCKED
        """;

    public const string MarkDispatched = "UPDATE outbox_messages SET dispatched_at = @Now WHERE id = ANY(@Ids)";

    public const string PurgeDispatched = "DELETE FROM outbox_messages WHERE dispatched_at < @Before";

    public const string PurgeInbox = "DELETE FROM inbox_messages WHERE processed_at < @Before";

    public const string RecordInbox = """
        INSERT INTO inbox_messages (message_id, consumer, processed_at)
        VALUES (@MessageId, @Consumer, @Now)
        ON CONFLICT DO NOTHING
        """;
}
