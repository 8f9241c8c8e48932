using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Consent.Features.ListConsents;

/// <summary>A person's consents, for the young person, a worker of an agency in their case, or an auditor (logged).</summary>
public static class ListConsentsEndpoint
{
    private const string ReadPage = $"""
        SELECT {ConsentRecord.Columns} FROM consents
        WHERE person_id = @PersonId AND (@Cursor IS NULL OR id > @Cursor)
        ORDER BY id
        OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
        """;

    private const string PersonKnown = "SELECT EXISTS (SELECT 1 FROM persons WHERE person_id = @PersonId)";

    public static void MapListConsents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/persons/{personId:guid}/consents", Handle).RequirePersonAccess(Policies.ConsentReader);

    private static async Task<Results<Ok<Page<ConsentRecord>>, ProblemHttpResult>> Handle(
        Guid personId, Caller caller, HttpContext http, Database database, ConsentAuthority authority, int? limit, Guid? cursor, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        if (!await authority.MayReadAsync(work, caller, personId, ct))
        {
            if (caller.Role == Roles.Worker && !await work.QuerySingleAsync<bool>(PersonKnown, new { PersonId = personId }, ct))
            {
                // As for a grant: the referral that makes the worker's agency take part has not reached the consent
                // service yet (milliseconds); an id that never existed gets the same answer, so it tells an outsider nothing.
                http.Response.Headers.RetryAfter = "1";
                return Problems.Conflict("The person has not reached the consent service yet; retry shortly.");
            }
            return Problems.NotFound("The person");
        }
        var take = Page<ConsentRecord>.Clamp(limit);
        var rows = await work.QueryAsync<ConsentRow>(ReadPage, new { PersonId = personId, Cursor = cursor, Take = take + 1 }, ct);
        await authority.RecordReadAsync(work, caller, personId, ConsentRecords.Consents, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(Page<ConsentRecord>.Of(rows.Select(r => r.ToRecord()).ToList(), take, c => c.ConsentId));
    }
}
