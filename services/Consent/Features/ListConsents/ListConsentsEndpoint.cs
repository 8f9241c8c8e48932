using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;

namespace ReferralNet.Consent.Features.ListConsents;

public static class ListConsentsEndpoint
{
    public static void MapListConsents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/persons/{personId:guid}/consents", Handle);

    private static async Task<Results<Ok<Page<ConsentRecord>>, ProblemHttpResult>> Handle(
        Guid personId, HttpContext http, Database database, int? limit, Guid? cursor, CancellationToken ct)
    {
        if (!ConsentRecord.MayBeManagedBy(Caller.From(http.User), personId))
        {
            return Problems.NotFound("The person");
        }
        var take = Page<ConsentRecord>.Clamp(limit);
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ConsentRow>(new CommandDefinition(
            $"""
            SELECT {ConsentRecord.Columns} FROM consents
            WHERE person_id = @PersonId AND (@Cursor IS NULL OR id > @Cursor)
            ORDER BY id
            OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
            """, new { PersonId = personId, Cursor = cursor, Take = take + 1 }, cancellationToken: ct));
        return TypedResults.Ok(Page<ConsentRecord>.Of(rows.Select(r => r.ToRecord()).ToList(), take, c => c.ConsentId));
    }
}
