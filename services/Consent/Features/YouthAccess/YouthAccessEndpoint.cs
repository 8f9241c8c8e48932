namespace ReferralNet.Consent.Features.YouthAccess;

public sealed record YouthAccessRequest(string? Code)
{
    public ValidationErrors Validate() => new ValidationErrors().Required(Code, "code", 40);
}

/// <summary>
/// A young person exchanges their one-time code for an enrolment token, with which they choose a sign-in name and
/// passphrase: no account form, no visit. A code works once, only while it is the newest, and only if no credential
/// was set after it was issued (so a young person's old code dies with their enrolment, and a code issued after it is a
/// reset). A wrong, used or expired code is 401 (the gateway limits attempts per address, against guessing). Every
/// exchange is in the person's access log: whoever used their code, they see it.
/// </summary>
public static class YouthAccessEndpoint
{
    public static void MapYouthAccess(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/access", Handle).AllowAnonymous()
            .WithName("ExchangeAccessCode").WithSummary("Exchanges a young person's access code for an enrolment token");

    private const string UseCode = """
        UPDATE access_codes SET ended_at = @Now
        WHERE code_hash = @Hash AND ended_at IS NULL AND expires_at > @Now
          AND NOT EXISTS (SELECT 1 FROM access_codes newer
                          WHERE newer.person_id = access_codes.person_id AND newer.issued_at > access_codes.issued_at)
          AND NOT EXISTS (SELECT 1 FROM youth_credentials credential
                          WHERE credential.person_id = access_codes.person_id AND credential.set_at >= access_codes.issued_at)
        RETURNING person_id AS PersonId, issued_at AS IssuedAt
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
        var used = await work.QuerySingleOrDefaultAsync<UsedCode>(UseCode, new { Hash = YouthAccessCode.HashOf(request.Code!), Now = now }, ct);
        if (used is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The code is not valid.",
                detail: "It is wrong, already used or expired, or you have already chosen a sign-in name. Sign in, or ask the worker who referred you for a new code.");
        }
        await PersonAccessLog.RecordOwnAsync(work, used.PersonId, AccessLogKinds.SignedIn, ConsentRecords.AccessCode, AccessDecisions.Permit, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(YouthTokens.Enrolment(tokens, used.PersonId, used.IssuedAt));
    }

    private sealed class UsedCode
    {
        public Guid PersonId { get; init; }
        public DateTimeOffset IssuedAt { get; init; }
    }
}
