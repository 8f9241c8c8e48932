using System.Data;
using Dapper;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>
/// Reads what changed since the last read, by transaction id: each row records the transaction that last wrote it
/// (a <c>change_txid</c> column, <c>txid_current()</c>), and a reader remembers the oldest transaction still running
/// when it read, so it sees a change committed late without re-reading a window of time. A process keeps a copy of a
/// table this way (the consent index, matching's directory) and learns what another instance wrote.
/// </summary>
public static class ChangeFeed
{
    private const string OldestRunningTransaction = "SELECT txid_snapshot_xmin(txid_current_snapshot())";

    /// <summary>Runs <paramref name="read"/> in one snapshot; answers where the next read starts.</summary>
    public static async Task<long> ReadChangesAsync(this NpgsqlDataSource dataSource, long since, Func<ChangesRead, Task> read, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var next = await connection.ExecuteScalarAsync<long>(new CommandDefinition(OldestRunningTransaction, null, snapshot, cancellationToken: ct));
        await read(new ChangesRead(connection, snapshot, since, ct));
        await snapshot.CommitAsync(ct);
        return next;
    }
}

/// <summary>One read of a change feed: each query gets <c>@Since</c>, the transaction id the read starts from.</summary>
public sealed record ChangesRead(NpgsqlConnection Connection, NpgsqlTransaction Snapshot, long Since, CancellationToken Ct)
{
    public Task<IEnumerable<T>> QueryAsync<T>(string sql) =>
        Connection.QueryAsync<T>(new CommandDefinition(sql, new { Since }, Snapshot, cancellationToken: Ct));
}
