using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>
/// One database transaction. Domain rows and the messages they emit (<see cref="Publish"/>) commit together:
/// either both are stored or neither is, and a committed message is published by the outbox dispatcher right after
/// the commit (or, if that fails, later from the table).
/// Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly OutboxSignal _outboxSignal;
    private readonly TimeProvider _time;
    private List<OutboxSql.Outgoing>? _outgoing;
    private object? _consumed;
    private List<Action>? _afterCommit;
    private List<Func<CancellationToken, Task>>? _beforeCommit;

    internal UnitOfWork(DbConnection connection, DbTransaction transaction, OutboxSignal outboxSignal, TimeProvider time)
    {
        Connection = connection;
        Transaction = transaction;
        _outboxSignal = outboxSignal;
        _time = time;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public Task<int> ExecuteAsync(string sql, object? param, CancellationToken ct) =>
        Connection.ExecuteAsync(Command(sql, param, ct));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param, CancellationToken ct) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, param, ct));

    public Task<T> QuerySingleAsync<T>(string sql, object? param, CancellationToken ct) =>
        Connection.QuerySingleAsync<T>(Command(sql, param, ct));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param, CancellationToken ct) =>
        Connection.QueryAsync<T>(Command(sql, param, ct));

    /// <summary>
    /// Adds the message to the outbox of this transaction; it is published only if the transaction commits.
    /// The message's runtime type is what subscribers bind to. All of a transaction's messages are written in one
    /// statement at commit, which saves a round trip per message.
    /// </summary>
    public void Publish(object message)
    {
        var type = message.GetType();
        (_outgoing ??= []).Add(new OutboxSql.Outgoing(
            // Time-ordered: the outbox and every consumer's inbox key grow at their right edge, not at random index pages.
            Guid.CreateVersion7(),
            OutboxMessageTypes.NameOf(type),
            JsonSerializer.Serialize(message, type),
            // The dispatcher publishes under this parent, so one trace follows the request across the broker.
            Activity.Current?.Id,
            message));
    }

    /// <summary>
    /// Records in the inbox that <paramref name="consumer"/> handled the message; written at commit with the outbox rows.
    /// If it was recorded before, the commit fails on the inbox key and nothing of this transaction is kept.
    /// </summary>
    internal void RecordConsumed(Guid messageId, string consumer) =>
        _consumed = new { MessageId = messageId, Consumer = consumer, Now = _time.GetUtcNow() };

    /// <summary>
    /// Runs <paramref name="step"/> at commit, after every other statement of the transaction: for a write that takes a
    /// lock it should hold only while the transaction commits.
    /// </summary>
    public void BeforeCommit(Func<CancellationToken, Task> step) => (_beforeCommit ??= []).Add(step);

    /// <summary>Runs <paramref name="action"/> once the transaction has committed (never if it rolls back).</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    public async Task CommitAsync(CancellationToken ct)
    {
        foreach (var step in _beforeCommit ?? [])
        {
            await step(ct);
        }
        // The inbox and outbox rows go in one round trip, stamped now: the time a message was stored is what the
        // commit-to-publish figure starts from.
        var statements = new List<string>(2);
        var parameters = new DynamicParameters();
        if (_consumed is not null)
        {
            statements.Add(OutboxSql.RecordInbox);
            parameters.AddDynamicParams(_consumed);
        }
        var storedAt = _time.GetUtcNow();
        if (_outgoing is not null)
        {
            statements.Add(OutboxSql.Insert);
            parameters.AddDynamicParams(OutboxSql.Columns(_outgoing, storedAt, storedAt + _outboxSignal.Lease));
        }
        if (statements.Count > 0)
        {
            await ExecuteAsync(string.Join(";\n", statements), parameters, ct);
        }
        await Transaction.CommitAsync(ct);
        if (_outgoing is not null)
        {
            _outboxSignal.Commit(_outgoing, storedAt);
        }
        _afterCommit?.ForEach(action => action());
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    private CommandDefinition Command(string sql, object? param, CancellationToken ct) =>
        new(sql, param, Transaction, cancellationToken: ct);
}
