namespace ReferralNet.Consent.Features.YouthReset;

/// <summary>A reset waiting for the young person: which agency's code asked for it, and when it takes effect.</summary>
public sealed class WaitingReset
{
    public Guid? RequestedByAgencyId { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset TakesEffectAt { get; init; }
}

/// <summary>
/// Resets that wait (API-v3 §2): one takes effect when its delay has passed — the waiting credential becomes the
/// person's one credential, the old one is deleted — or is cancelled by the person's current credential. Either is in
/// the access log. Due resets are taken with SKIP LOCKED, so two instances never settle one twice; a sign-in settles
/// its own person's first, so a reset is in effect from its due time whatever the sweep's pace.
/// </summary>
public static class CredentialResets
{
    private const string TakeDue = """
        DELETE FROM credential_resets
        WHERE person_id IN (SELECT person_id FROM credential_resets
                            WHERE takes_effect_at <= @Now AND (@PersonId::uuid IS NULL OR person_id = @PersonId)
                            ORDER BY takes_effect_at LIMIT @Batch FOR UPDATE SKIP LOCKED)
        RETURNING person_id AS PersonId, means AS Means
        """;

    // The old credential goes before the waiting one takes its place: a person has one credential of each standing.
    private const string PutInEffect = """
        DELETE FROM youth_credentials WHERE person_id = ANY(@PersonIds) AND NOT pending;
        DELETE FROM youth_passkeys WHERE person_id = ANY(@PersonIds) AND NOT pending;
        UPDATE youth_credentials SET pending = false WHERE person_id = ANY(@PersonIds) AND pending;
        UPDATE youth_passkeys SET pending = false WHERE person_id = ANY(@PersonIds) AND pending
        """;

    private const string Cancel = """
        DELETE FROM youth_credentials WHERE person_id = @PersonId AND pending;
        DELETE FROM youth_passkeys WHERE person_id = @PersonId AND pending;
        DELETE FROM credential_resets WHERE person_id = @PersonId RETURNING means
        """;

    private const string Find = """
        SELECT requested_by_agency_id AS RequestedByAgencyId, requested_at AS RequestedAt, takes_effect_at AS TakesEffectAt
        FROM credential_resets WHERE person_id = @PersonId
        """;

    private const string IsWaiting = """
        SELECT EXISTS (SELECT 1 FROM credential_resets
                       WHERE person_id = @PersonId AND date_trunc('milliseconds', requested_at) = @RequestedAt AND takes_effect_at > @Now)
        """;

    /// <summary>
    /// Puts into effect the resets that are due (of <paramref name="personId"/> only, when given), each with its
    /// access-log entry; returns how many.
    /// </summary>
    public static async Task<int> SettleDueAsync(UnitOfWork work, Guid? personId, DateTimeOffset now, int batch, CancellationToken ct)
    {
        var due = (await work.QueryAsync<(Guid PersonId, string Means)>(TakeDue, new { Now = now, PersonId = personId, Batch = batch }, ct)).ToList();
        if (due.Count == 0)
        {
            return 0;
        }
        await work.ExecuteAsync(PutInEffect, new { PersonIds = due.Select(d => d.PersonId).ToArray() }, ct);
        foreach (var (person, means) in due)
        {
            await PersonAccessLog.RecordOwnAsync(work, person, AccessLogKinds.CredentialReset, means, AccessDecisions.Permit, now, ct);
        }
        return due.Count;
    }

    /// <summary>Deletes the person's waiting credential and its reset; false when none was waiting.</summary>
    public static async Task<bool> CancelAsync(UnitOfWork work, Guid personId, DateTimeOffset now, CancellationToken ct)
    {
        if (await work.QuerySingleOrDefaultAsync<string>(Cancel, new { PersonId = personId }, ct) is not { } means)
        {
            return false;
        }
        await PersonAccessLog.RecordOwnAsync(work, personId, AccessLogKinds.ResetCancelled, means, AccessDecisions.Permit, now, ct);
        return true;
    }

    public static Task<WaitingReset?> FindAsync(Database database, Guid personId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<WaitingReset>(Find, new { PersonId = personId }, ct);

    public static Task<WaitingReset?> FindAsync(UnitOfWork work, Guid personId, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<WaitingReset>(Find, new { PersonId = personId }, ct);

    /// <summary>Whether the reset a limited token was given for still waits (not cancelled, replaced or in effect).</summary>
    public static async Task<bool> IsWaitingAsync(Database database, Guid personId, DateTimeOffset requestedAt, DateTimeOffset now, CancellationToken ct) =>
        await database.QuerySingleOrDefaultAsync<bool>(IsWaiting, new { PersonId = personId, RequestedAt = requestedAt, Now = now }, ct);
}

/// <summary>Puts due resets into effect every Consent:ResetCheckEvery, so the access log says so without a sign-in.</summary>
public sealed class ResetsTakingEffect(Database database, IOptions<ConsentOptions> options, TimeProvider time, ILogger<ResetsTakingEffect> log)
    : PeriodicJob(time, log)
{
    private const int Batch = 200;

    protected override TimeSpan Period => options.Value.ResetCheckEvery;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var settled = await CredentialResets.SettleDueAsync(work, personId: null, Time.GetUtcNow(), Batch, ct);
        await work.CommitAsync(ct);
        return settled == Batch;
    }
}
