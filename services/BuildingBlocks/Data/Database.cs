using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>
/// The service's own database: a unit of work for whatever writes (and may emit messages) or reads one moment across
/// several statements; the shortcuts below for a single statement on a connection of its own.
/// </summary>
public sealed class Database(NpgsqlDataSource dataSource, OutboxSignal outboxSignal, TimeProvider time)
{
    internal TimeProvider Time => time;

    internal async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, param, cancellationToken: ct))).AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, param, cancellationToken: ct));
    }

    public async Task<int> ExecuteAsync(string sql, object? param, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, param, cancellationToken: ct));
    }

    /// <summary>
    /// Begins a unit of work. Unspecified sends a plain BEGIN: the server's default, read committed. A read that must
    /// show one moment across several statements (a case and its timeline) asks for
    /// <see cref="IsolationLevel.RepeatableRead"/>, one snapshot for the transaction.
    /// </summary>
    public async Task<UnitOfWork> BeginAsync(CancellationToken ct, IsolationLevel isolation = IsolationLevel.Unspecified)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(isolation, ct);
            return new UnitOfWork(connection, transaction, outboxSignal, time);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
