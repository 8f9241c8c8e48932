using System.Data.Common;
using Npgsql;
using ReferralNet.BuildingBlocks.Messaging;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>The service's own database: plain connections for reads, units of work for writes that may emit messages.</summary>
public sealed class Database(NpgsqlDataSource dataSource, OutboxSignal outboxSignal, TimeProvider time)
{
    internal TimeProvider Time => time;

    public async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

    public async Task<UnitOfWork> BeginAsync(CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            return new UnitOfWork(connection, transaction, outboxSignal, time);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
