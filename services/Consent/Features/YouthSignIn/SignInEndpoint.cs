using ReferralNet.Consent.Features.YouthCredential;
using ReferralNet.Consent.Features.YouthReset;

namespace ReferralNet.Consent.Features.YouthSignIn;

public sealed record SignInRequest(string? SignInName, string? Passphrase)
{
    public string? Name => YouthCredential.Passphrase.NormaliseName(SignInName);

    public ValidationErrors Validate() => new ValidationErrors()
        .SignInName(Name)
        .Required(Passphrase, "passphrase", YouthCredential.Passphrase.MaxLength);
}

/// <summary>
/// The young person signs in with the name and passphrase they chose: a full token, or a limited one when the
/// passphrase is a credential that still waits after a reset. Tries are slowed as <see cref="SignInThrottle"/> says
/// (429 with Retry-After), and the slow hash runs last, after every cheap check. Each try on a known name, right or
/// wrong, is in that person's access log.
/// </summary>
public static class SignInEndpoint
{
    public static void MapSignIn(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/youth/sign-in", Handle).AllowAnonymous()
            .WithName("SignInYouth").WithSummary("Signs a young person in with their sign-in name and passphrase");

    // A name is one person's: their credential in effect and the one a reset left waiting may share it.
    private const string FindCredentials = """
        SELECT person_id AS PersonId, passphrase_hash AS Hash, pending AS Pending FROM youth_credentials WHERE sign_in_name = @Name
        ORDER BY pending
        """;

    private const string Rehash = "UPDATE youth_credentials SET passphrase_hash = @Hash WHERE person_id = @PersonId AND pending = @Pending";

    private static async Task<Results<Ok<YouthTokenResponse>, ProblemHttpResult>> Handle(
        SignInRequest request, HttpContext http, Database database, TokenIssuer tokens, SignInThrottle throttle, TimeProvider time,
        CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        if (!tokens.CanIssue)
        {
            return YouthTokens.NotSetUp();
        }
        var now = time.GetUtcNow();
        var (name, client) = (request.Name!, SignInThrottle.ClientOf(http));
        if (await throttle.TryAsync(name, client, now, ct) is { } wait)
        {
            return Waiting(http, wait);
        }
        List<Credential> credentials;
        await using (var work = await database.BeginAsync(ct))
        {
            credentials = await FindAsync(work, name, ct);
            // A reset whose delay has passed is in effect before a passphrase is checked against it.
            if (credentials.Count > 0 && await CredentialResets.SettleDueAsync(work, credentials[0].PersonId, now, batch: 1, ct) > 0)
            {
                credentials = await FindAsync(work, name, ct);
            }
            await work.CommitAsync(ct);
        }

        var (check, credential) = Verify(credentials, request.Passphrase!);
        await using var record = await database.BeginAsync(ct);
        if (credential is null)
        {
            if (credentials.Count > 0)
            {
                await PersonAccessLog.RecordOwnAsync(record, credentials[0].PersonId, AccessLogKinds.SignedIn, ConsentRecords.Passphrase, AccessDecisions.Deny, now, ct);
            }
            await record.CommitAsync(ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The sign-in name or passphrase is wrong.",
                detail: "Check both and try again. After a few wrong tries, each next try waits a little longer.");
        }
        await throttle.SucceededAsync(record, name, client, now, ct);
        if (check == Passphrase.Check.RightButRehash)
        {
            await record.ExecuteAsync(Rehash, new { credential.PersonId, credential.Pending, Hash = Passphrase.Hash(request.Passphrase!) }, ct);
        }
        await PersonAccessLog.RecordOwnAsync(record, credential.PersonId, AccessLogKinds.SignedIn, ConsentRecords.Passphrase, AccessDecisions.Permit, now, ct);
        var token = credential.Pending && await CredentialResets.FindAsync(record, credential.PersonId, ct) is { } reset
            ? YouthTokens.Limited(tokens, credential.PersonId, reset.RequestedAt)
            : YouthTokens.Full(tokens, credential.PersonId);
        await record.CommitAsync(ct);
        return TypedResults.Ok(token);
    }

    private static async Task<List<Credential>> FindAsync(UnitOfWork work, string name, CancellationToken ct) =>
        (await work.QueryAsync<Credential>(FindCredentials, new { Name = name }, ct)).ToList();

    /// <summary>The credential the passphrase opens; an unknown name still costs one slow hash (against a decoy).</summary>
    private static (Passphrase.Check Check, Credential? Credential) Verify(IReadOnlyList<Credential> credentials, string passphrase)
    {
        if (credentials.Count == 0)
        {
            return (Passphrase.Verify(null, passphrase), null);
        }
        foreach (var credential in credentials)
        {
            if (Passphrase.Verify(credential.Hash, passphrase) is not Passphrase.Check.Wrong and var check)
            {
                return (check, credential);
            }
        }
        return (Passphrase.Check.Wrong, null);
    }

    private static ProblemHttpResult Waiting(HttpContext http, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString();
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Please wait a little before trying again.",
            detail: seconds < 120 ? $"There were several wrong tries. Try again in {seconds} seconds." : $"There were several wrong tries. Try again in {Math.Ceiling(wait.TotalMinutes):0} minutes.");
    }

    private sealed class Credential
    {
        public Guid PersonId { get; init; }
        public string Hash { get; init; } = "";
        public bool Pending { get; init; }
    }
}
