using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.ListCases;

/// <summary>A case in a worker's list: ids, status and dates only; the person is read case by case, through consent.</summary>
public sealed record CaseListItem
{
    public Guid CaseId { get; init; }

    /// <summary>The reference a worker reads and says aloud (RN-…).</summary>
    public string Reference => CaseReference.Of(CaseId);

    public string Status { get; init; } = "";
    public Guid? LeadAgencyId { get; init; }
    public bool Leading { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset LastContactAt { get; init; }
}

public sealed record ListCasesQuery(bool? Participating, string? Status, int? Limit, Guid? Cursor)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Check(Participating != false, "participating", ErrorCodes.NotAllowed, "must be true: a worker lists the cases their agency takes part in")
        .OptionalCode(Status, CaseStatuses.All, "status");
}

/// <summary>
/// The cases the caller's agency takes part in, by id. Without <c>status</c> the closed ones are left out (a merged case
/// is closed); <c>status=dormant</c> is the agency's re-contact list.
/// </summary>
public static class ListCasesEndpoint
{
    private static readonly string ListParticipating = Keyset.Paged($"""
        SELECT c.id AS CaseId, c.status, c.lead_agency_id AS LeadAgencyId, c.lead_agency_id = @AgencyId AS Leading,
               c.opened_at AS OpenedAt, c.last_contact_at AS LastContactAt
        FROM case_participation p JOIN cases c ON c.id = p.case_id JOIN case_persons cp ON cp.case_id = c.id
        WHERE p.agency_id = @AgencyId AND p.ended_at IS NULL
          AND {ConsentProjection.NotShutOut}
          AND ((@Status IS NULL AND c.status <> '{CaseStatuses.Closed}') OR c.status = @Status)
        """, "c.id");

    public static void MapListCases(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/cases", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("ListCases").WithSummary("The cases the caller's agency leads or is a member of");

    private static async Task<Results<Ok<Page<CaseListItem>>, ProblemHttpResult>> Handle(
        [AsParameters] ListCasesQuery query, Caller caller, Database database, IOptions<ParticipationOptions> participation, TimeProvider time,
        CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var filter = new { caller.AgencyId, query.Status, ShutOutBefore = time.GetUtcNow() - participation.Value.ClosedCaseReadableFor };
        return TypedResults.Ok(await database.PageAsync<CaseListItem>(ListParticipating, filter, query.Limit, query.Cursor, c => c.CaseId, ct));
    }
}
