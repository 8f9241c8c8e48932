using System.Data;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// Loads the whole projection into the index before the service takes traffic, then, every <see cref="RefreshEvery"/>,
/// reads what changed since: with competing consumers, another instance of this service may have applied an event.
/// Each read happens in one snapshot and remembers the oldest transaction still running then; the next read starts
/// from that transaction id, so a change committed late is seen and nothing older is read again.
/// </summary>
public sealed class ConsentIndexRefresher(NpgsqlDataSource dataSource, ConsentIndex index, TimeProvider time, ILogger<ConsentIndexRefresher> log)
    : PeriodicJob(time, log)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    private long _readFrom;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override TimeSpan Period => RefreshEvery;

    // The first load happened in StartAsync; while a refresh fails, decisions use what the index holds.
    protected override bool RunsAtStart => false;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await RefreshAsync(ct);
        return false;
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        CommandDefinition Query(string sql, object? parameters = null) => new(sql, parameters, snapshot, cancellationToken: ct);

        var oldestRunning = await connection.ExecuteScalarAsync<long>(Query(ConsentProjection.OldestRunningTransaction));
        var since = new { Since = _readFrom };
        foreach (var row in await connection.QueryAsync<ConsentProjection.ConsentRow>(Query(ConsentProjection.ConsentsChangedSince, since)))
        {
            index.Apply(row.ToEntry());
        }
        foreach (var row in await connection.QueryAsync<ConsentProjection.CaseRow>(Query(ConsentProjection.CasesChangedSince, since)))
        {
            index.ApplyCase(row.CaseId, row.PersonId);
            if (row.ClosedAt is { } closedAt)
            {
                index.ApplyClosing(row.CaseId, new CaseClosing(closedAt, row.ClosedLeadAgencyId));
            }
        }
        foreach (var (caseId, agencyId) in await connection.QueryAsync<(Guid, Guid)>(Query(ConsentProjection.ParticipantsChangedSince, since)))
        {
            index.ApplyParticipant(caseId, agencyId);
        }
        await snapshot.CommitAsync(ct);
        _readFrom = oldestRunning;
    }
}
