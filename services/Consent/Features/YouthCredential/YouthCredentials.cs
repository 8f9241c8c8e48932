namespace ReferralNet.Consent.Features.YouthCredential;

/// <summary>
/// A young person has one credential in effect: a sign-in name with a passphrase, or a passkey. One code chooses one:
/// a credential chosen after the enrolment token's code was issued (by this token, or with a newer code) is not
/// replaced by it. A code for a person without a credential sets theirs at once; a code for a person who has one is a
/// <b>reset</b> (API-v3 §2): the credential it chooses waits, pending, for Consent:ResetDelay, while the current one
/// keeps working and may cancel it (<see cref="CredentialResets"/>). So a worker who issues a code and uses it
/// themself holds, at most, a limited credential the young person sees and cancels.
/// </summary>
public static class YouthCredentials
{
    // The two kinds live in tables of their own: a lock on the person makes two enrolments of one person take turns.
    private const string LockPerson = "SELECT pg_advisory_xact_lock(hashtextextended(@PersonId::text, 0))";

    private const string LastSet = """
        SELECT GREATEST((SELECT max(set_at) FROM youth_credentials WHERE person_id = @PersonId),
                        (SELECT max(set_at) FROM youth_passkeys WHERE person_id = @PersonId))
        """;

    private const string HasCurrent = """
        SELECT EXISTS (SELECT 1 FROM youth_credentials WHERE person_id = @PersonId AND NOT pending)
            OR EXISTS (SELECT 1 FROM youth_passkeys WHERE person_id = @PersonId AND NOT pending)
        """;

    private const string ForgetAll = """
        DELETE FROM youth_credentials WHERE person_id = @PersonId;
        DELETE FROM youth_passkeys WHERE person_id = @PersonId;
        DELETE FROM credential_resets WHERE person_id = @PersonId
        """;

    /// <summary>A newer reset code's credential replaces the one an older reset left waiting.</summary>
    private const string ForgetPending = """
        DELETE FROM youth_credentials WHERE person_id = @PersonId AND pending;
        DELETE FROM youth_passkeys WHERE person_id = @PersonId AND pending
        """;

    private const string RequestReset = """
        INSERT INTO credential_resets (person_id, means, requested_by_agency_id, requested_at, takes_effect_at)
        VALUES (@PersonId, @Means, (SELECT issued_by_agency_id FROM access_codes
                             WHERE person_id = @PersonId AND date_trunc('milliseconds', issued_at) = @CodeIssuedAt LIMIT 1),
                @Now, @TakesEffectAt)
        ON CONFLICT (person_id) DO UPDATE SET means = EXCLUDED.means, requested_by_agency_id = EXCLUDED.requested_by_agency_id,
            requested_at = EXCLUDED.requested_at, takes_effect_at = EXCLUDED.takes_effect_at
        RETURNING requested_by_agency_id
        """;

    /// <summary>What choosing a credential did: set it at once, or leave it waiting as a reset asked for by an agency.</summary>
    public sealed record Choice(bool Pending, string LogKind, string Means, Guid? RequestedByAgencyId);

    /// <summary>Whether the token's code may still choose the person's credential (asked before a passkey is made).</summary>
    public static async Task<bool> MayChooseAsync(Database database, Guid personId, DateTimeOffset? codeIssuedAt, CancellationToken ct) =>
        May(codeIssuedAt, await database.QuerySingleOrDefaultAsync<DateTimeOffset?>(LastSet, new { PersonId = personId }, ct));

    /// <summary>
    /// In <paramref name="work"/>, makes room for the credential the token's code chooses and says whether it waits
    /// (a reset) and what the access log calls it; null when the code may no longer choose (<see cref="AlreadyChosen"/>).
    /// </summary>
    public static async Task<Choice?> ChooseAsync(
        UnitOfWork work, Guid personId, string means, DateTimeOffset? codeIssuedAt, DateTimeOffset now, TimeSpan resetDelay, CancellationToken ct)
    {
        await work.ExecuteAsync(LockPerson, new { PersonId = personId }, ct);
        if (!May(codeIssuedAt, await work.QuerySingleOrDefaultAsync<DateTimeOffset?>(LastSet, new { PersonId = personId }, ct)))
        {
            return null;
        }
        if (!await work.QuerySingleAsync<bool>(HasCurrent, new { PersonId = personId }, ct))
        {
            await work.ExecuteAsync(ForgetAll, new { PersonId = personId }, ct);
            return new Choice(Pending: false, AccessLogKinds.CredentialSet, means, RequestedByAgencyId: null);
        }
        await work.ExecuteAsync(ForgetPending, new { PersonId = personId }, ct);
        var agency = await work.QuerySingleAsync<Guid?>(RequestReset,
            new { PersonId = personId, Means = means, CodeIssuedAt = codeIssuedAt, Now = now, TakesEffectAt = now + resetDelay }, ct);
        return new Choice(Pending: true, AccessLogKinds.ResetRequested, means, agency);
    }

    /// <summary>The access log's entry for a credential just chosen: a reset names the agency whose code asked for it.</summary>
    public static Task RecordAsync(UnitOfWork work, Guid personId, Choice choice, DateTimeOffset now, CancellationToken ct) =>
        PersonAccessLog.RecordAsync(work, new PersonAccessLog.Entry(personId, choice.LogKind, choice.RequestedByAgencyId,
            YouthTokens.SubjectOf(personId), Roles.Youth, choice.Means, ConsentRecords.OwnAccessPurpose, AccessDecisions.Permit, now), ct);

    /// <summary>The token a credential just chosen gives: full, or limited while it waits.</summary>
    public static YouthTokenResponse TokenFor(TokenIssuer tokens, Guid personId, Choice choice, DateTimeOffset now) =>
        choice.Pending ? YouthTokens.Limited(tokens, personId, now) : YouthTokens.Full(tokens, personId);

    private static bool May(DateTimeOffset? codeIssuedAt, DateTimeOffset? current) => codeIssuedAt is { } issued && !(current >= issued);

    public static ProblemHttpResult AlreadyChosen() =>
        Problems.Conflict("A way to sign in was already chosen with this code. Sign in with it, or ask for a new code.");
}
