using System.Security.Claims;

namespace ReferralNet.Consent.Features;

public sealed record YouthTokenResponse(string AccessToken, string Scope, DateTimeOffset ExpiresAt, Guid PersonId);

/// <summary>
/// The consent service is the young person's issuer: a code gives a 15-minute token that may only set a credential
/// (<see cref="YouthTokenScopes.Enrol"/>); the credential gives the token the young person uses their pages with, or,
/// while it waits after a reset, a short limited one that lives only as long as the reset waits.
/// </summary>
public static class YouthTokens
{
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FullLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan LimitedLifetime = TimeSpan.FromHours(1);

    public static string SubjectOf(Guid personId) => $"youth-{personId:N}";

    public static YouthTokenResponse Enrolment(TokenIssuer tokens, Guid personId, DateTimeOffset codeIssuedAt) =>
        Issue(tokens, personId, Roles.YouthEnrolment, YouthTokenScopes.Enrol, EnrolmentLifetime, MillisecondsClaim(ClaimNames.CodeIssued, codeIssuedAt));

    public static YouthTokenResponse Full(TokenIssuer tokens, Guid personId) =>
        Issue(tokens, personId, Roles.Youth, YouthTokenScopes.Full, FullLifetime);

    /// <summary>Signed in with a credential that waits after a reset: may look and stop sharing, nothing more.</summary>
    public static YouthTokenResponse Limited(TokenIssuer tokens, Guid personId, DateTimeOffset resetRequestedAt) =>
        Issue(tokens, personId, Roles.Youth, YouthTokenScopes.Limited, LimitedLifetime, MillisecondsClaim(ClaimNames.ResetRequested, resetRequestedAt));

    public static DateTimeOffset? CodeIssuedAt(ClaimsPrincipal user) => MillisecondsOf(user, ClaimNames.CodeIssued);

    public static DateTimeOffset? ResetRequestedAt(ClaimsPrincipal user) => MillisecondsOf(user, ClaimNames.ResetRequested);

    private static Claim MillisecondsClaim(string type, DateTimeOffset at) =>
        new(type, at.ToUnixTimeMilliseconds().ToString(), ClaimValueTypes.Integer64);

    private static DateTimeOffset? MillisecondsOf(ClaimsPrincipal user, string type) =>
        long.TryParse(user.FindFirstValue(type), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

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
