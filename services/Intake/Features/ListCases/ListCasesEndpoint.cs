using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.ListCases;

/// <summary>A case in a worker's list: ids, status and dates only; the person is read case by case, through consent.</summary>
public sealed record CaseListItem
{
    public Guid CaseId { get; init; }
    public string Status { get; init; } = "";
    public Guid? LeadAgencyId { get; init; }
    public bool Leading { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset LastContactAt { get; init; }
}

/// <summary>
/// The cases the caller's agency takes part in, by id. Without <c>status</c> the closed ones are left out (a merged case
/// is closed); <c>status=dormant</c> is the agency's re-contact list.
/// </summary>
public static class ListCasesEndpoint
{
    private const string ListParticipating = $"""
        SELECT c.id AS CaseId, c.status, c.lead_agency_id AS LeadAgencyId, c.lead_agency_id = @AgencyId AS Leading,
               c.opened_at AS OpenedAt, c.last_contact_at AS LastContactAt
        FROM case_participation p JOIN cases c ON c.id = p.case_id JOIN case_persons cp ON cp.case_id = c.id
        WHERE p.agency_id = @AgencyId
          AND {ConsentProjection.NotShutOut}
          AND ((@Status IS NULL AND c.status <> 'closed') OR c.status = @Status)
          AND (@Cursor IS NULL OR c.id > @Cursor)
        ORDER BY c.id
        OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
        """;

    public static void MapListCases(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/cases", Handle).RequirePersonAccess(Policies.Worker);

    private static async Task<Results<Ok<Page<CaseListItem>>, ProblemHttpResult>> Handle(
        Caller caller, Database database, IOptions<ParticipationOptions> participation, TimeProvider time, bool? participating, string? status, int? limit, Guid? cursor, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Check(participating != false, "participating", "must be true: a worker lists the cases their agency takes part in");
        if (status is not null)
        {
            errors.Code(status, CaseStatus.All, "status");
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var take = Page<CaseListItem>.Clamp(limit);
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<CaseListItem>(new CommandDefinition(ListParticipating,
            new
            {
                caller.AgencyId, Status = status, Cursor = cursor, Take = take + 1,
                ShutOutBefore = time.GetUtcNow() - participation.Value.ClosedCaseReadableFor,
            }, cancellationToken: ct))).AsList();
        return TypedResults.Ok(Page<CaseListItem>.Of(rows, take, c => c.CaseId));
    }
}
