using Npgsql;

namespace ReferralNet.Consent.Features.YouthCredential;

public sealed record SetCredentialRequest(string? SignInName, string? Passphrase)
{
    public string? Name => YouthCredential.Passphrase.NormaliseName(SignInName);

    public ValidationErrors Validate() => new ValidationErrors()
        .SignInName(Name)
        .Required(Passphrase, "passphrase", YouthCredential.Passphrase.MaxLength)
        .NewPassphrase(Passphrase, Name);
}

/// <summary>
/// With the enrolment token a code gave, the young person chooses a sign-in name and passphrase and gets their token:
/// full, or limited while a reset waits, as <see cref="YouthCredentials"/> says. Every cheap check comes before the
/// slow hash, and a code is told a name is taken only a few times (Consent:TakenNamesPerCode), so enrolment is no
/// cheaper a way to learn which names exist than signing in.
/// </summary>
public static class SetCredentialEndpoint
{
    public static void MapSetCredential(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/youth/credential", Handle).RequireAuthorization(Policies.YouthEnrolment)
            .WithName("SetYouthCredential").WithSummary("Sets the young person's sign-in name and passphrase with an enrolment or reset token");

    private const string LockName = "SELECT pg_advisory_xact_lock(hashtextextended('sign-in-name:' || @Name, 0))";

    private const string IsTaken = "SELECT EXISTS (SELECT 1 FROM youth_credentials WHERE sign_in_name = @Name AND person_id <> @PersonId)";

    private const string CountTaken = """
        UPDATE access_codes SET taken_names = taken_names + 1
        WHERE person_id = @PersonId AND date_trunc('milliseconds', issued_at) = @CodeIssuedAt
        RETURNING taken_names
        """;

    private const string StoreCredential = """
        INSERT INTO youth_credentials (person_id, sign_in_name, passphrase_hash, set_at, pending) VALUES (@PersonId, @Name, @Hash, @Now, @Pending)
        """;

    private static async Task<Results<Created<YouthTokenResponse>, ProblemHttpResult>> Handle(
        SetCredentialRequest request, Caller caller, HttpContext http, Database database, TokenIssuer tokens, IOptions<ConsentOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var personId = caller.PersonId!.Value;
        var codeIssuedAt = YouthTokens.CodeIssuedAt(http.User);
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        if (await YouthCredentials.ChooseAsync(work, personId, ConsentRecords.Passphrase, codeIssuedAt, now, options.Value.ResetDelay, ct) is not { } choice)
        {
            return YouthCredentials.AlreadyChosen();
        }
        await work.ExecuteAsync(LockName, new { request.Name }, ct);
        if (await work.QuerySingleAsync<bool>(IsTaken, new { request.Name, PersonId = personId }, ct))
        {
            return await TakenAsync(database, personId, codeIssuedAt, options.Value.TakenNamesPerCode, ct);
        }
        var hash = Passphrase.Hash(request.Passphrase!);
        try
        {
            await work.ExecuteAsync(StoreCredential, new { PersonId = personId, request.Name, Hash = hash, Now = now, choice.Pending }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Chosen by another young person a moment ago; nothing is committed.
            return await TakenAsync(database, personId, codeIssuedAt, options.Value.TakenNamesPerCode, ct);
        }
        await YouthCredentials.RecordAsync(work, personId, choice, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created("/api/consent/youth/sign-in", YouthCredentials.TokenFor(tokens, personId, choice, now));
    }

    /// <summary>"Taken", counted on the code (outside the refused transaction); past the code's allowance, no answer about the name.</summary>
    private static async Task<ProblemHttpResult> TakenAsync(
        Database database, Guid personId, DateTimeOffset? codeIssuedAt, int allowed, CancellationToken ct) =>
        await database.QuerySingleOrDefaultAsync<int?>(CountTaken, new { PersonId = personId, CodeIssuedAt = codeIssuedAt }, ct) <= allowed
            ? new ValidationErrors().Add("signInName", ErrorCodes.NotAllowed, "is taken; choose another").ToProblem()
            : TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many names were tried with this code.",
                detail: "Ask the worker who gave you the code for a new one, and choose a name that is yours alone.");
}
