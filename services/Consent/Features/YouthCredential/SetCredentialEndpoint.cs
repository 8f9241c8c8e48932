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
/// token; it replaces their credential as <see cref="YouthCredentials"/> says.
/// </summary>
public static class SetCredentialEndpoint
{
    public static void MapSetCredential(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/youth/credential", Handle).RequireAuthorization(Policies.YouthEnrolment);

    private const string StoreCredential =
        "INSERT INTO youth_credentials (person_id, sign_in_name, passphrase_hash, set_at) VALUES (@PersonId, @Name, @Hash, @Now)";

    private static async Task<Results<Created<YouthTokenResponse>, ProblemHttpResult>> Handle(
        SetCredentialRequest request, Caller caller, HttpContext http, Database database, TokenIssuer tokens, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var personId = caller.PersonId!.Value;
        var now = time.GetUtcNow();
        var hash = Passphrase.Hash(request.Passphrase!);
        await using var work = await database.BeginAsync(ct);
        if (await YouthCredentials.ReplaceAsync(work, personId, YouthTokens.CodeIssuedAt(http.User), ct) is not { } kind)
        {
            return YouthCredentials.AlreadyChosen();
        }
        try
        {
            await work.ExecuteAsync(StoreCredential, new { PersonId = personId, request.Name, Hash = hash, Now = now }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another young person's name (the person's own was removed above); nothing is committed.
            return new ValidationErrors().Add("signInName", "is taken; choose another").ToProblem();
        }
        await PersonAccessLog.RecordOwnAsync(work, personId, kind, ConsentRecords.Passphrase, AccessDecisions.Permit, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created("/api/consent/youth/sign-in", YouthTokens.Full(tokens, personId));
    }
}
