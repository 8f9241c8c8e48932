namespace ReferralNet.Consent.Features.ExpireConsents;

/// <summary>
/// Ends consents whose validUntil has passed and announces ConsentExpired through the outbox. Rows are claimed with
/// SKIP LOCKED, so instances of the consent service never expire the same consent twice.
/// </summary>
public sealed class ConsentExpiry(Database database, IOptions<ConsentOptions> options, TimeProvider time, ILogger<ConsentExpiry> log)
    : PeriodicJob(time, log)
{
    private const int Batch = 200;

    private const string ExpireDue = $"""
        UPDATE consents SET status = '{ConsentStatuses.Expired}'
        WHERE id IN (SELECT id FROM consents WHERE status = '{ConsentStatuses.Active}' AND valid_until <= @Now
                     ORDER BY valid_until LIMIT @Batch FOR UPDATE SKIP LOCKED)
        RETURNING id, person_id
        """;

    protected override TimeSpan Period => options.Value.ExpiryCheckEvery;

    protected override bool RunsAtStart => false;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var expired = (await work.QueryAsync<(Guid ConsentId, Guid PersonId)>(ExpireDue, new { Now = now, Batch }, ct)).ToList();
        foreach (var (consentId, personId) in expired)
        {
            work.Publish(new ConsentExpired(consentId, personId, now));
        }
        await work.CommitAsync(ct);
        return expired.Count == Batch;
    }
}
