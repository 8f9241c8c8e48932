namespace ReferralNet.Consent.Features.YouthCredential;

/// <summary>
/// A young person has one credential: a sign-in name with a passphrase, or a passkey. One code sets one: a credential
/// set after the enrolment token's code was issued (by this token, or with a newer code) is not replaced by it; a newer
/// code's credential, of either kind, replaces the old one, of either kind (a lost phone takes its passkey with it).
/// </summary>
public static class YouthCredentials
{
    // The two kinds live in tables of their own: a lock on the person makes two enrolments of one person take turns.
    private const string LockPerson = "SELECT pg_advisory_xact_lock(hashtextextended(@PersonId::text, 0))";

    private const string LastSet = """
        SELECT GREATEST((SELECT set_at FROM youth_credentials WHERE person_id = @PersonId),
                        (SELECT max(set_at) FROM youth_passkeys WHERE person_id = @PersonId))
        """;

    private const string Forget = """
        DELETE FROM youth_credentials WHERE person_id = @PersonId;
        DELETE FROM youth_passkeys WHERE person_id = @PersonId
        """;

    /// <summary>Whether the token's code may still choose the person's credential (asked before a passkey is made).</summary>
    public static async Task<bool> MayChooseAsync(Database database, Guid personId, DateTimeOffset? codeIssuedAt, CancellationToken ct) =>
        May(codeIssuedAt, await database.QuerySingleOrDefaultAsync<DateTimeOffset?>(LastSet, new { PersonId = personId }, ct));

    /// <summary>
    /// In <paramref name="work"/>, removes the person's credential so that a new one can be stored, when the token's
    /// code may set it; returns what the access log calls the change, or null when it may not (<see cref="AlreadyChosen"/>).
    /// </summary>
    public static async Task<string?> ReplaceAsync(UnitOfWork work, Guid personId, DateTimeOffset? codeIssuedAt, CancellationToken ct)
    {
        await work.ExecuteAsync(LockPerson, new { PersonId = personId }, ct);
        var current = await work.QuerySingleOrDefaultAsync<DateTimeOffset?>(LastSet, new { PersonId = personId }, ct);
        if (!May(codeIssuedAt, current))
        {
            return null;
        }
        await work.ExecuteAsync(Forget, new { PersonId = personId }, ct);
        return current is null ? AccessLogKinds.CredentialSet : AccessLogKinds.CredentialReset;
    }

    private static bool May(DateTimeOffset? codeIssuedAt, DateTimeOffset? current) => codeIssuedAt is { } issued && !(current >= issued);

    public static ProblemHttpResult AlreadyChosen() =>
        Problems.Conflict("A way to sign in was already chosen with this code. Sign in with it, or ask for a new code.");
}
