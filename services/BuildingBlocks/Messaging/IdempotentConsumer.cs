using MassTransit;
using Dapper;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// A consumer whose effect happens at most once per message: the (message id, consumer) pair is recorded in the inbox
/// in the same transaction as the effect and any messages it emits, so a redelivery finds the row and does nothing.
/// </summary>
public abstract class IdempotentConsumer<TMessage> : IConsumer<TMessage>
    where TMessage : class
{
    private readonly Database _database;

    protected IdempotentConsumer(Database database, TimeProvider time)
    {
        _database = database;
        Time = time;
    }

    protected TimeProvider Time { get; }

    public Task Consume(ConsumeContext<TMessage> context) =>
        _database.ConsumeOnceAsync(context, GetType().FullName!, (work, ct) => HandleAsync(context.Message, work, ct));

    /// <summary>The consumer's effect, written through <paramref name="work"/>; messages go out via <see cref="UnitOfWork.Publish"/>.</summary>
    protected abstract Task HandleAsync(TMessage message, UnitOfWork work, CancellationToken ct);
}

public static class Inbox
{
    /// <summary>
    /// Runs <paramref name="effect"/> in one transaction with the inbox row, unless this consumer already handled the
    /// message. The inbox row is written at commit, in the same round trip as any outgoing messages: a redelivery is
    /// rare, so it is cheaper to let the key reject it (and roll its effect back) than to ask the inbox first.
    /// </summary>
    public static async Task ConsumeOnceAsync(
        this Database database, ConsumeContext context, string consumer, Func<UnitOfWork, CancellationToken, Task> effect)
    {
        var messageId = MessageIdOf(context);
        var ct = context.CancellationToken;
        try
        {
            await using var work = await database.BeginAsync(ct);
            await effect(work, ct);
            work.RecordConsumed(messageId, consumer);
            await work.CommitAsync(ct);
        }
        catch (PostgresException)
        {
            // A redelivery fails on the inbox key or on the effect's own keys; either way its effect is rolled back.
            if (await database.AlreadyConsumedAsync(messageId, consumer, ct))
            {
                return;
            }
            throw;
        }
    }

    private static async Task<bool> AlreadyConsumedAsync(this Database database, Guid messageId, string consumer, CancellationToken ct) =>
        await database.QuerySingleOrDefaultAsync<long>(OutboxSql.AlreadyConsumed, new { MessageId = messageId, Consumer = consumer }, ct) > 0;

    /// <summary>
    /// Runs <paramref name="effect"/> for the messages of a batch this consumer has not handled before, in one
    /// transaction with their inbox rows: the effect of a whole batch costs one round trip of bookkeeping.
    /// </summary>
    public static async Task ConsumeBatchOnceAsync<TMessage>(
        this Database database, ConsumeContext<Batch<TMessage>> batch, string consumer,
        Func<UnitOfWork, IReadOnlyList<TMessage>, CancellationToken, Task> effect)
        where TMessage : class
    {
        var ct = batch.CancellationToken;
        var ids = batch.Message.Select(MessageIdOf).ToArray();
        await using var work = await database.BeginAsync(ct);
        var fresh = (await work.QueryAsync<Guid>(
            OutboxSql.RecordInboxBatch, new { MessageIds = ids, Consumer = consumer, Now = database.Time.GetUtcNow() }, ct)).ToHashSet();
        if (fresh.Count > 0)
        {
            await effect(work, batch.Message.Where(m => fresh.Contains(m.MessageId!.Value)).Select(m => m.Message).ToList(), ct);
        }
        await work.CommitAsync(ct);
    }

    private static Guid MessageIdOf(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be de-duplicated.");
}
