namespace ReferralNet.Intake.Features.ReissueAccessCode;

public sealed record AccessCodeResponse(string YouthAccessCode, DateTimeOffset ExpiresAt);

/// <summary>
/// A worker of an agency taking part in the case gives the young person a new code; older codes stop working. For a
/// young person who already set a credential it is a reset code: using it leads through enrolment again, and the
/// young person sees in their access log which agency issued it.
/// </summary>
public static class ReissueAccessCodeEndpoint
{
    private const string PersonOfCase = "SELECT person_id FROM cases WHERE id = @CaseId";

    public static void MapReissueAccessCode(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/intake/cases/{caseId:guid}/youth-access-code", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("ReissueAccessCode").WithSummary("Issues the young person a new access code, or a reset code for a lost credential");

    private static async Task<Results<Created<AccessCodeResponse>, ProblemHttpResult>> Handle(
        Guid caseId, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var personId = await work.QuerySingleOrDefaultAsync<Guid?>(PersonOfCase, new { CaseId = caseId }, ct);
        if (personId is null || caller.AgencyId is not { } agencyId || !participation.TakesPart(caseId, agencyId))
        {
            return Problems.NotFound("The case");
        }
        var now = time.GetUtcNow();
        var code = YouthAccessCode.New();
        var expiresAt = now + YouthAccessCode.ValidFor;
        work.Publish(new YouthAccessCodeIssued(personId.Value, YouthAccessCode.HashOf(code), expiresAt, agencyId, caller.UserId, now));
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/cases/{caseId}", new AccessCodeResponse(code, expiresAt));
    }
}
