namespace ReferralNet.Consent.Features.ListConsents;

/// <summary>A person's consents, for the young person, a worker of an agency in their case, or an auditor (logged).</summary>
public static class ListConsentsEndpoint
{
    private static readonly string ReadPage = Keyset.Paged($"SELECT {ConsentRecord.Columns} FROM consents WHERE person_id = @PersonId", "id");

    private const string PersonKnown = "SELECT EXISTS (SELECT 1 FROM persons WHERE person_id = @PersonId)";

    public static void MapListConsents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/persons/{personId:guid}/consents", Handle).RequirePersonAccess(Policies.ConsentReader)
            .WithName("ListConsents").WithSummary("The young person's consents, current and past");

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
            // Known now, but perhaps only since the decision above: the referral that made the person known made its
            // agency take part in the same transaction, so the decision is taken again on what is committed now.
            if (!await authority.MayReadAsync(work, caller, personId, ct))
            {
                return Problems.NotFound("The person");
            }
        }
        var page = await work.PageAsync<ConsentRow>(ReadPage, new { PersonId = personId }, limit, cursor, r => r.ConsentId, ct);
        await authority.RecordReadAsync(work, caller, personId, ConsentRecords.Consents, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(page.Select(r => r.ToRecord()));
    }
}
