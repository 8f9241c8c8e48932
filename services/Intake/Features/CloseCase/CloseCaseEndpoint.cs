using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.CloseCase;

public sealed record CloseCaseRequest([property: CodeList(typeof(CaseCloseReasons))] string? Reason)
{
    public ValidationErrors Validate() => new ValidationErrors().Code(Reason, CaseCloseReasons.All, "reason");
}

public sealed record CloseCaseResponse(Guid CaseId, string Status);

/// <summary>
/// The lead agency — the one accountable for the case — closes it, with a reason. Nothing else closes a case: a quiet
/// case becomes dormant, not closed. A later referral of the person opens a new case.
/// </summary>
public static class CloseCaseEndpoint
{
    private const string LockCase = "SELECT person_id AS PersonId, status, lead_agency_id AS LeadAgencyId FROM cases WHERE id = @CaseId FOR UPDATE";

    private const string Close = $"""
        WITH closed AS (
            UPDATE cases SET status = '{CaseStatuses.Closed}', updated_at = @Now
            WHERE id = @CaseId AND status <> '{CaseStatuses.Closed}'
            RETURNING id)
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT id, @Now, '{TimelineKinds.CaseClosed}', @AgencyId, NULL, @Reason FROM closed
        """;

    public static void MapCloseCase(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/intake/cases/{caseId:guid}/close", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("CloseCase").WithSummary("The lead agency closes the case with an outcome");

    private static async Task<Results<Ok<CloseCaseResponse>, ProblemHttpResult>> Handle(
        Guid caseId, CloseCaseRequest request, Caller caller, Database database, ConsentIndex participation, TimeProvider time,
        CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        await using var work = await database.BeginAsync(ct);
        var found = await work.QuerySingleOrDefaultAsync<CaseRow>(
            LockCase,
            new { CaseId = caseId }, ct);
        if (found is null || !participation.TakesPart(caseId, caller.AgencyId ?? Guid.Empty))
        {
            return Problems.NotFound("The case");
        }
        if (found.LeadAgencyId != caller.AgencyId)
        {
            return Problems.Forbidden("Only a worker of the case's lead agency, which is accountable for it, closes the case.");
        }
        if (found.Status == CaseStatuses.Closed)
        {
            return Problems.Conflict("The case is already closed.");
        }
        var now = time.GetUtcNow();
        await work.ExecuteAsync(Close, new { CaseId = caseId, caller.AgencyId, request.Reason, Now = now }, ct);
        var closed = new CaseClosed(caseId, found.PersonId, found.LeadAgencyId, request.Reason!, now);
        await ConsentProjection.CloseAsync(work, participation, closed, now, ct);
        work.Publish(closed);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new CloseCaseResponse(caseId, CaseStatuses.Closed));
    }

    private sealed record CaseRow(Guid PersonId, string Status, Guid? LeadAgencyId);
}
