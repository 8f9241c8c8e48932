using MassTransit;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// A consumer of this network: its effect happens at most once per message, because the (message id, <see cref="Inbox"/>)
/// pair is recorded in the inbox in the same transaction as the effect and any messages it emits
/// (<see cref="Inbox.ConsumeOnceAsync"/>, <see cref="Inbox.ConsumeBatchOnceAsync{TMessage}"/>). The inbox name is a stable
/// string, not a type name, so renaming a class does not make old messages look new; it names the consumer's queue too.
/// </summary>
public interface IInboxConsumer : IConsumer
{
    static abstract string Inbox { get; }
}

public static class Inbox
{
    /// <summary>
    /// Runs <paramref name="effect"/> in one transaction with the inbox row, unless the consumer already handled the
    /// message. The inbox row is written at commit, in the same round trip as any outgoing messages: a redelivery is
    /// rare, so it is cheaper to let the key reject it (and roll its effect back) than to ask the inbox first.
    /// </summary>
    public static async Task ConsumeOnceAsync(
        this Database database, ConsumeContext context, string inbox, Func<UnitOfWork, CancellationToken, Task> effect)
    {
        var messageId = MessageIdOf(context);
        var ct = context.CancellationToken;
        try
        {
            await using var work = await database.BeginAsync(ct);
            await effect(work, ct);
            work.RecordConsumed(messageId, inbox);
            await work.CommitAsync(ct);
        }
        catch (PostgresException)
        {
            // A redelivery fails on the inbox key or on the effect's own keys; either way its effect is rolled back.
            if (await database.AlreadyConsumedAsync(messageId, inbox, ct))
            {
                return;
            }
            throw;
        }
    }

    private static async Task<bool> AlreadyConsumedAsync(this Database database, Guid messageId, string inbox, CancellationToken ct) =>
        await database.QuerySingleOrDefaultAsync<long>(OutboxSql.AlreadyConsumed, new { MessageId = messageId, Consumer = inbox }, ct) > 0;

    /// <summary>
    /// Runs <paramref name="effect"/> for the messages of a batch this consumer has not handled before, in one
    /// transaction with their inbox rows: the effect of a whole batch costs one round trip of bookkeeping.
    /// </summary>
    public static async Task ConsumeBatchOnceAsync<TMessage>(
        this Database database, ConsumeContext<Batch<TMessage>> batch, string inbox,
        Func<UnitOfWork, IReadOnlyList<TMessage>, CancellationToken, Task> effect)
        where TMessage : class
    {
        var ct = batch.CancellationToken;
        var ids = batch.Message.Select(MessageIdOf).ToArray();
        await using var work = await database.BeginAsync(ct);
        var fresh = (await work.QueryAsync<Guid>(
            OutboxSql.RecordInboxBatch, new { MessageIds = ids, Consumer = inbox, Now = database.Time.GetUtcNow() }, ct)).ToHashSet();
        if (fresh.Count > 0)
        {
            await effect(work, batch.Message.Where(m => fresh.Contains(m.MessageId!.Value)).Select(m => m.Message).ToList(), ct);
        }
        await work.CommitAsync(ct);
    }

    private static Guid MessageIdOf(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be de-duplicated.");
}
