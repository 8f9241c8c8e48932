using System.Data;
using System.Data.Common;
using Npgsql;
using ReferralNet.BuildingBlocks.Messaging;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>The service's own database: plain connections for reads, units of work for writes that may emit messages.</summary>
public sealed class Database(NpgsqlDataSource dataSource, OutboxSignal outboxSignal, TimeProvider time)
{
    internal TimeProvider Time => time;

    public async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

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
