namespace ReferralNet.Consent.Features.YouthAccess;

public sealed record YouthAccessRequest(string? Code)
{
    public ValidationErrors Validate() => new ValidationErrors().Required(Code, "code", 40);
}

/// <summary>
/// A young person exchanges their code for an enrolment token, with which they choose a sign-in name and passphrase
/// (or a passkey): no account form, no visit. A code works while it is the newest, has not expired and no credential
/// was chosen after it was issued — so a young person who leaves half-way comes back with the same code, their old
/// code dies with their enrolment, and a code issued after it is a reset. One code chooses one credential
/// (<see cref="YouthCredential.YouthCredentials"/>). A wrong, replaced or expired code is 401 (the gateway limits
/// attempts per address, against guessing). Every exchange is in the person's access log: whoever used their code, they
/// see it.
/// </summary>
public static class YouthAccessEndpoint
{
    public static void MapYouthAccess(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/access", Handle).AllowAnonymous()
            .WithName("ExchangeAccessCode").WithSummary("Exchanges a young person's access code for an enrolment token");

    private const string FindValidCode = """
        SELECT person_id AS PersonId, issued_at AS IssuedAt FROM access_codes code
        WHERE code_hash = @Hash AND expires_at > @Now
          AND NOT EXISTS (SELECT 1 FROM access_codes newer WHERE newer.person_id = code.person_id AND newer.issued_at > code.issued_at)
          AND NOT EXISTS (SELECT 1 FROM youth_credentials c WHERE c.person_id = code.person_id AND c.set_at >= code.issued_at)
          AND NOT EXISTS (SELECT 1 FROM youth_passkeys p WHERE p.person_id = code.person_id AND p.set_at >= code.issued_at)
        """;

    private static async Task<Results<Ok<YouthTokenResponse>, ProblemHttpResult>> Handle(
        YouthAccessRequest request, Database database, TokenIssuer tokens, TimeProvider time, CancellationToken ct)
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
        await using var work = await database.BeginAsync(ct);
        var used = await work.QuerySingleOrDefaultAsync<ValidCode>(FindValidCode, new { Hash = YouthAccessCode.HashOf(request.Code!), Now = now }, ct);
        if (used is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The code is not valid.",
                detail: "It is wrong, replaced by a newer one or expired, or you have already chosen how to sign in. Sign in, or ask the worker who referred you for a new code.");
        }
        await PersonAccessLog.RecordOwnAsync(work, used.PersonId, AccessLogKinds.SignedIn, ConsentRecords.AccessCode, AccessDecisions.Permit, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(YouthTokens.Enrolment(tokens, used.PersonId, used.IssuedAt));
    }

    private sealed class ValidCode
    {
        public Guid PersonId { get; init; }
        public DateTimeOffset IssuedAt { get; init; }
    }
}
