using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// Loads the whole projection into the index before the service takes traffic, then, every <see cref="RefreshEvery"/>,
/// reads what changed since: with competing consumers, another instance of this service may have applied an event.
/// Each read is one read of the projection's change feed (<see cref="ChangeFeed"/>), so a change committed late is seen
/// and nothing older is read again.
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

    private async Task RefreshAsync(CancellationToken ct) => _readFrom = await dataSource.ReadChangesAsync(_readFrom, async changes =>
    {
        foreach (var row in await changes.QueryAsync<ConsentProjection.ConsentRow>(ConsentProjection.ConsentsChangedSince))
        {
            index.Apply(row.ToEntry());
        }
        foreach (var row in await changes.QueryAsync<ConsentProjection.CaseRow>(ConsentProjection.CasesChangedSince))
        {
            index.ApplyCase(row.CaseId, row.PersonId);
            index.ApplyClosing(row.CaseId, row.ClosedAt is { } closedAt ? new CaseClosing(closedAt, row.ClosedLeadAgencyId) : null);
        }
        foreach (var (caseId, agencyId, takesPart, version) in await changes.QueryAsync<(Guid, Guid, bool, long)>(ConsentProjection.ParticipantsChangedSince))
        {
            index.ApplyParticipant(caseId, agencyId, takesPart, version);
        }
    }, ct);
}
