using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// Loads the whole projection into the index before the service takes traffic, then re-reads what changed recently
/// every <see cref="RefreshEvery"/>: with competing consumers, another instance of this service may have applied an
/// event. Each read overlaps the last by <see cref="Overlap"/>, so a change whose transaction committed a little after
/// its timestamp is still seen; a full reload every <see cref="FullReloadEvery"/> is the backstop.
/// </summary>
public sealed class ConsentIndexRefresher(NpgsqlDataSource dataSource, ConsentIndex index, TimeProvider time, ILogger<ConsentIndexRefresher> log)
    : BackgroundService
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan FullReloadEvery = TimeSpan.FromMinutes(5);

    private DateTimeOffset _lastRead = DateTimeOffset.MinValue;
    private DateTimeOffset _lastFullReload;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(full: true, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RefreshEvery, time, stoppingToken);
                await RefreshAsync(full: time.GetUtcNow() - _lastFullReload > FullReloadEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                log.LogWarning(ex, "Could not refresh the consent index; decisions use what it holds");
            }
        }
    }

    private async Task RefreshAsync(bool full, CancellationToken ct)
    {
        var readAt = time.GetUtcNow();
        var since = full ? DateTimeOffset.MinValue : _lastRead - Overlap;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var parameters = new { Since = since };
        foreach (var row in await connection.QueryAsync<ConsentProjection.ConsentRow>(
            new CommandDefinition(ConsentProjection.ConsentsChangedSince, parameters, cancellationToken: ct)))
        {
            index.Apply(row.ToEntry());
        }
        foreach (var (caseId, personId) in await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition(
            "SELECT case_id, person_id FROM case_persons WHERE changed_at > @Since", parameters, cancellationToken: ct)))
        {
            index.ApplyCase(caseId, personId);
        }
        foreach (var (caseId, agencyId) in await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition(
            "SELECT case_id, agency_id FROM case_participation WHERE changed_at > @Since", parameters, cancellationToken: ct)))
        {
            index.ApplyParticipant(caseId, agencyId);
        }
        _lastRead = readAt;
        if (full)
        {
            _lastFullReload = readAt;
        }
    }
}
