using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;

namespace ReferralNet.Consent.Features.YouthAccess;

public sealed record YouthAccessRequest(string? Code);

public sealed record YouthAccessResponse(string AccessToken, DateTimeOffset ExpiresAt, Guid PersonId);

/// <summary>
/// A young person exchanges their one-time code for a youth token for themself: no account, no visit. A wrong, used or
/// expired code is 401 (the gateway limits attempts per address, against guessing).
/// </summary>
public static class YouthAccessEndpoint
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    public static void MapYouthAccess(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/access", Handle).AllowAnonymous();

    private static async Task<Results<Ok<YouthAccessResponse>, ProblemHttpResult>> Handle(
        YouthAccessRequest request, Database database, TokenIssuer tokens, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required(request.Code, "code", 40);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        if (!tokens.CanIssue)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Youth tokens are not set up.",
                detail: "The consent service needs Auth:SigningKey to issue youth tokens.");
        }
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var personId = (await work.QueryAsync<Guid>(
            """
            UPDATE access_codes SET ended_at = @Now
            WHERE code_hash = @Hash AND ended_at IS NULL AND expires_at > @Now
              AND NOT EXISTS (SELECT 1 FROM access_codes newer
                              WHERE newer.person_id = access_codes.person_id AND newer.issued_at > access_codes.issued_at)
            RETURNING person_id
            """, new { Hash = YouthAccessCode.HashOf(request.Code!), Now = now }, ct)).ToList();
        await work.CommitAsync(ct);
        if (personId.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The code is not valid.",
                detail: "It is wrong, already used or expired. Ask the worker who referred you for a new one.");
        }
        var (token, expiresAt) = tokens.Issue($"youth-{personId[0]:N}", Roles.Youth, agency: null, personId[0], TokenLifetime);
        return TypedResults.Ok(new YouthAccessResponse(token, expiresAt, personId[0]));
    }
}
