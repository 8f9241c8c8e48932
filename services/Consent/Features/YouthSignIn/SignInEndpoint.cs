using ReferralNet.Consent.Features.YouthCredential;

namespace ReferralNet.Consent.Features.YouthSignIn;

public sealed record SignInRequest(string? SignInName, string? Passphrase)
{
    public string? Name => YouthCredential.Passphrase.NormaliseName(SignInName);

    public ValidationErrors Validate() => new ValidationErrors()
        .SignInName(Name)
        .Required(Passphrase, "passphrase", YouthCredential.Passphrase.MaxLength);
}

/// <summary>
/// The young person signs in with the name and passphrase they chose. After Consent:SignInFailuresBeforeLock failures
/// the name is locked for Consent:SignInLockFor (429 with Retry-After), known or not, so a lock reveals no name. Each
/// attempt on a known name, right or wrong, is in that person's access log.
/// </summary>
public static class SignInEndpoint
{
    public static void MapSignIn(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/youth/sign-in", Handle).AllowAnonymous();

    // The attempt is counted before the passphrase is checked, so parallel guesses cannot pass the limit.
    private const string CountAttempt = """
        INSERT INTO sign_in_failures AS f (sign_in_name, failures, last_failed_at, locked_until) VALUES (@Name, 1, @Now, NULL)
        ON CONFLICT (sign_in_name) DO UPDATE SET
            failures = CASE WHEN f.locked_until <= @Now OR f.last_failed_at <= @ForgetBefore THEN 1 ELSE f.failures + 1 END,
            locked_until = CASE WHEN f.locked_until <= @Now THEN NULL ELSE f.locked_until END,
            last_failed_at = @Now
        RETURNING failures AS Failures, locked_until AS LockedUntil
        """;

    private const string FindCredential =
        "SELECT person_id AS PersonId, passphrase_hash AS Hash FROM youth_credentials WHERE sign_in_name = @Name";

    private const string Lock = "UPDATE sign_in_failures SET locked_until = @LockedUntil WHERE sign_in_name = @Name";

    private const string Forget = "DELETE FROM sign_in_failures WHERE sign_in_name = @Name";

    private const string Rehash = "UPDATE youth_credentials SET passphrase_hash = @Hash WHERE person_id = @PersonId";

    private static async Task<Results<Ok<YouthTokenResponse>, ProblemHttpResult>> Handle(
        SignInRequest request, HttpContext http, Database database, TokenIssuer tokens, IOptions<ConsentOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        if (!tokens.CanIssue)
        {
            return YouthTokens.NotSetUp();
        }
        var (maxFailures, lockFor) = (options.Value.SignInFailuresBeforeLock, options.Value.SignInLockFor);
        var now = time.GetUtcNow();
        var name = request.Name!;
        Attempt attempt;
        Credential? credential;
        await using (var work = await database.BeginAsync(ct))
        {
            attempt = await work.QuerySingleAsync<Attempt>(CountAttempt, new { Name = name, Now = now, ForgetBefore = now - lockFor }, ct);
            credential = await work.QuerySingleOrDefaultAsync<Credential>(FindCredential, new { Name = name }, ct);
            await work.CommitAsync(ct);
        }
        if (attempt.LockedUntil > now || attempt.Failures > maxFailures)
        {
            return Locked(http, (attempt.LockedUntil ?? now + lockFor) - now);
        }

        var check = Passphrase.Verify(credential?.Hash, request.Passphrase!);
        await using var record = await database.BeginAsync(ct);
        if (check == Passphrase.Check.Wrong)
        {
            if (attempt.Failures >= maxFailures)
            {
                await record.ExecuteAsync(Lock, new { Name = name, LockedUntil = now + lockFor }, ct);
            }
            if (credential is not null)
            {
                await PersonAccessLog.RecordOwnAsync(record, credential.PersonId, AccessLogKinds.SignedIn, ConsentRecords.Passphrase, AccessDecisions.Deny, now, ct);
            }
            await record.CommitAsync(ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The sign-in name or passphrase is wrong.",
                detail: $"Check both and try again. After {maxFailures} wrong tries the name is locked for {lockFor.TotalMinutes:0} minutes.");
        }
        await record.ExecuteAsync(Forget, new { Name = name }, ct);
        if (check == Passphrase.Check.RightButRehash)
        {
            await record.ExecuteAsync(Rehash, new { credential!.PersonId, Hash = Passphrase.Hash(request.Passphrase!) }, ct);
        }
        await PersonAccessLog.RecordOwnAsync(record, credential!.PersonId, AccessLogKinds.SignedIn, ConsentRecords.Passphrase, AccessDecisions.Permit, now, ct);
        await record.CommitAsync(ct);
        return TypedResults.Ok(YouthTokens.Full(tokens, credential.PersonId));
    }

    private static ProblemHttpResult Locked(HttpContext http, TimeSpan remaining)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(remaining.TotalSeconds)).ToString();
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "This sign-in name is locked for a while.",
            detail: $"Too many wrong tries. Try again in {Math.Ceiling(remaining.TotalMinutes):0} minutes, or ask your worker for a new code.");
    }

    private sealed class Attempt
    {
        public int Failures { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
    }

    private sealed class Credential
    {
        public Guid PersonId { get; init; }
        public string Hash { get; init; } = "";
    }
}
