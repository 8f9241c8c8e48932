using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.Contracts;

namespace ReferralNet.Consent.Features.ExpireConsents;

/// <summary>
/// Ends consents whose validUntil has passed and announces ConsentExpired through the outbox. Rows are claimed with
/// SKIP LOCKED, so instances of the consent service never expire the same consent twice.
/// </summary>
public sealed class ConsentExpiry(Database database, IOptions<ConsentOptions> options, TimeProvider time, ILogger<ConsentExpiry> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ExpiryCheckEvery, time, stoppingToken);
                while (await ExpireDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                log.LogWarning(ex, "Could not expire consents; trying again at the next check");
            }
        }
    }

    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var expired = (await work.QueryAsync<(Guid ConsentId, Guid PersonId)>(
            """
            UPDATE consents SET status = 'expired'
            WHERE id IN (SELECT id FROM consents WHERE status = 'active' AND valid_until <= @Now
                         ORDER BY valid_until LIMIT 200 FOR UPDATE SKIP LOCKED)
            RETURNING id, person_id
            """, new { Now = now }, ct)).ToList();
        foreach (var (consentId, personId) in expired)
        {
            work.Publish(new ConsentExpired(consentId, personId, now));
        }
        await work.CommitAsync(ct);
        return expired.Count;
    }
}
