using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;

namespace ReferralNet.Consent.Features.AccessLog;

public sealed record AccessLogEntry(Guid Id, DateTimeOffset At, Guid AgencyId, string Category, string Purpose, string Decision);

/// <summary>Who looked at the young person's data: only the person themself (youth token) or a coordinator may read it.</summary>
public static class AccessLogEndpoint
{
    public static void MapAccessLog(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/persons/{personId:guid}/access-log", Handle);

    private static async Task<Results<Ok<Page<AccessLogEntry>>, ProblemHttpResult>> Handle(
        Guid personId, HttpContext http, Database database, int? limit, Guid? cursor, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (!caller.IsCoordinator && !(caller.Role == Roles.Youth && caller.PersonId == personId))
        {
            return Problems.NotFound("The person");
        }
        var take = Page<AccessLogEntry>.Clamp(limit);
        await using var connection = await database.OpenAsync(ct);
        var entries = (await connection.QueryAsync<AccessLogRow>(new CommandDefinition(
            """
            SELECT message_id AS Id, at, agency_id AS AgencyId, category, purpose, decision FROM access_log
            WHERE person_id = @PersonId AND (@Cursor IS NULL OR message_id > @Cursor)
            ORDER BY message_id
            OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
            """, new { PersonId = personId, Cursor = cursor, Take = take + 1 }, cancellationToken: ct)))
            .Select(r => new AccessLogEntry(r.Id, r.At, r.AgencyId, r.Category, r.Purpose, r.Decision)).ToList();
        return TypedResults.Ok(Page<AccessLogEntry>.Of(entries, take, e => e.Id));
    }

    private sealed class AccessLogRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public Guid AgencyId { get; init; }
        public string Category { get; init; } = "";
        public string Purpose { get; init; } = "";
        public string Decision { get; init; } = "";
    }
}
