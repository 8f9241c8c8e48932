using Npgsql;

namespace ReferralNet.Consent.Features.YouthCredential;

public sealed record SetCredentialRequest(string? SignInName, string? Passphrase)
{
    public string? Name => YouthCredential.Passphrase.NormaliseName(SignInName);

    public ValidationErrors Validate() => new ValidationErrors()
        .SignInName(Name)
        .Required(Passphrase, "passphrase", YouthCredential.Passphrase.MaxLength)
        .Check(Passphrase is null || Passphrase.Length >= YouthCredential.Passphrase.MinLength,
            "passphrase", $"must be at least {YouthCredential.Passphrase.MinLength} characters");
}

/// <summary>
/// With the enrolment token a code gave, the young person chooses a sign-in name and passphrase and gets their full
/// token. A credential set with a reset code replaces the old one. One code sets one credential: a credential set
/// after the token's code was issued (by this token, or with a newer code) is not replaced by it.
/// </summary>
public static class SetCredentialEndpoint
{
    public static void MapSetCredential(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/youth/credential", Handle).RequireAuthorization(Policies.YouthEnrolment);

    private const string CurrentCredential = "SELECT set_at FROM youth_credentials WHERE person_id = @PersonId FOR UPDATE";

    private const string StoreCredential = """
        INSERT INTO youth_credentials (person_id, sign_in_name, passphrase_hash, set_at) VALUES (@PersonId, @Name, @Hash, @Now)
        ON CONFLICT (person_id) DO UPDATE
            SET sign_in_name = EXCLUDED.sign_in_name, passphrase_hash = EXCLUDED.passphrase_hash, set_at = EXCLUDED.set_at
        """;

    private static async Task<Results<Created<YouthTokenResponse>, ProblemHttpResult>> Handle(
        SetCredentialRequest request, Caller caller, HttpContext http, Database database, TokenIssuer tokens, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var personId = caller.PersonId!.Value;
        var codeIssuedAt = YouthTokens.CodeIssuedAt(http.User);
        var now = time.GetUtcNow();
        var hash = Passphrase.Hash(request.Passphrase!);
        await using var work = await database.BeginAsync(ct);
        var current = await work.QuerySingleOrDefaultAsync<DateTimeOffset?>(CurrentCredential, new { PersonId = personId }, ct);
        if (codeIssuedAt is null || current >= codeIssuedAt)
        {
            return Problems.Conflict("A sign-in name was already chosen with this code. Sign in with it, or ask for a new code.");
        }
        try
        {
            await work.ExecuteAsync(StoreCredential, new { PersonId = personId, request.Name, Hash = hash, Now = now }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another young person's name (the person's own row is updated in place); nothing was stored.
            return new ValidationErrors().Add("signInName", "is taken; choose another").ToProblem();
        }
        var kind = current is null ? AccessLogKinds.CredentialSet : AccessLogKinds.CredentialReset;
        await PersonAccessLog.RecordOwnAsync(work, personId, kind, ConsentRecords.Passphrase, AccessDecisions.Permit, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created("/api/consent/youth/sign-in", YouthTokens.Full(tokens, personId));
    }
}
