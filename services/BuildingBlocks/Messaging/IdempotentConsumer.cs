using MassTransit;
using ReferralNet.BuildingBlocks.Data;

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
        _database.ConsumeOnceAsync(context, GetType().FullName!, Time, (work, ct) => HandleAsync(context.Message, work, ct));

    /// <summary>The consumer's effect, written through <paramref name="work"/>; messages go out via <see cref="UnitOfWork.PublishAsync"/>.</summary>
    protected abstract Task HandleAsync(TMessage message, UnitOfWork work, CancellationToken ct);
}

public static class Inbox
{
    /// <summary>Runs <paramref name="effect"/> in one transaction with the inbox row, unless this consumer already handled the message.</summary>
    public static async Task ConsumeOnceAsync(
        this Database database, ConsumeContext context, string consumer, TimeProvider time, Func<UnitOfWork, CancellationToken, Task> effect)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A message without a message id cannot be de-duplicated.");
        var ct = context.CancellationToken;
        await using var work = await database.BeginAsync(ct);
        var firstDelivery = await work.ExecuteAsync(
            OutboxSql.RecordInbox, new { MessageId = messageId, Consumer = consumer, Now = time.GetUtcNow() }, ct) == 1;
        if (!firstDelivery)
        {
            return;
        }
        await effect(work, ct);
        await work.CommitAsync(ct);
    }
}
