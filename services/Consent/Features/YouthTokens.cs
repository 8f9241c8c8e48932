using System.Security.Claims;

namespace ReferralNet.Consent.Features;

public sealed record YouthTokenResponse(string AccessToken, string Scope, DateTimeOffset ExpiresAt, Guid PersonId);

/// <summary>
/// The consent service is the young person's issuer: a code gives a 15-minute token that may only set a credential
/// (<see cref="YouthTokenScopes.Enrol"/>); the credential gives the token the young person uses their pages with.
/// </summary>
public static class YouthTokens
{
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FullLifetime = TimeSpan.FromHours(12);

    /// <summary>When the code an enrolment token came from was issued (Unix milliseconds): see the credential route.</summary>
    public const string CodeIssuedClaim = "code_issued";

    public static string SubjectOf(Guid personId) => $"youth-{personId:N}";

    public static YouthTokenResponse Enrolment(TokenIssuer tokens, Guid personId, DateTimeOffset codeIssuedAt) =>
        Issue(tokens, personId, Roles.YouthEnrolment, YouthTokenScopes.Enrol, EnrolmentLifetime,
            new Claim(CodeIssuedClaim, codeIssuedAt.ToUnixTimeMilliseconds().ToString(), ClaimValueTypes.Integer64));

    public static YouthTokenResponse Full(TokenIssuer tokens, Guid personId) =>
        Issue(tokens, personId, Roles.Youth, YouthTokenScopes.Full, FullLifetime);

    public static DateTimeOffset? CodeIssuedAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(CodeIssuedClaim), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public static ProblemHttpResult NotSetUp() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Youth tokens are not set up.",
            detail: "The consent service needs Auth:Signing (the youth issuer's private key) to issue youth tokens.");

    private static YouthTokenResponse Issue(
        TokenIssuer tokens, Guid personId, string role, string scope, TimeSpan lifetime, params Claim[] more)
    {
        var (token, expiresAt) = tokens.Issue(SubjectOf(personId), role, agency: null, personId, lifetime, [new Claim(ClaimNames.Scope, scope), .. more]);
        return new YouthTokenResponse(token, scope, expiresAt, personId);
    }
}
