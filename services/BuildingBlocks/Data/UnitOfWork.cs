using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using ReferralNet.BuildingBlocks.Messaging;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>
/// One database transaction. Domain rows and the messages they emit (<see cref="PublishAsync"/>) commit together:
/// either both are stored or neither is, and a committed message is published later by the outbox dispatcher.
/// Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly OutboxSignal _outboxSignal;
    private readonly TimeProvider _time;
    private int _messagesEmitted;
    private List<Action>? _afterCommit;

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

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param, CancellationToken ct) =>
        Connection.QueryAsync<T>(Command(sql, param, ct));

    /// <summary>
    /// Stores the message in the outbox inside this transaction; it is published only if the transaction commits.
    /// The message's runtime type is what subscribers bind to.
    /// </summary>
    public async Task PublishAsync(object message, CancellationToken ct)
    {
        var type = message.GetType();
        var row = new
        {
            Id = Guid.NewGuid(),
            MessageType = OutboxMessageTypes.NameOf(type),
            Body = JsonSerializer.Serialize(message, type),
            // The dispatcher publishes under this parent, so one trace follows the request across the broker.
            TraceParent = Activity.Current?.Id,
            CreatedAt = _time.GetUtcNow(),
        };
        await ExecuteAsync(OutboxSql.Insert, row, ct);
        _messagesEmitted++;
    }

    /// <summary>Runs <paramref name="action"/> once the transaction has committed (never if it rolls back).</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    public async Task CommitAsync(CancellationToken ct)
    {
        await Transaction.CommitAsync(ct);
        if (_messagesEmitted > 0)
        {
            _outboxSignal.Wake();
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
