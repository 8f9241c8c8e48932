namespace ReferralNet.Intake.Features.ViewReferral;

/// <summary>Where a referral stands; the case only once the referring agency is lead or member of it.</summary>
public sealed record ReferralStatusView(Guid ReferralId, string Status, Guid? CaseId);

/// <summary>
/// The referring agency reads its own referral (API-v3 §1): waiting for admission, not admitted, or on its case. A
/// pending agency learns this and nothing of the case; anyone else gets 404.
/// </summary>
public static class ViewReferralEndpoint
{
    private const string Find = """
        SELECT id AS ReferralId, status, case_id AS CaseId, from_agency_id AS AgencyId FROM pending_referrals WHERE id = @ReferralId
        UNION ALL
        SELECT id, @Submitted, case_id, from_agency_id FROM referrals
        WHERE id = @ReferralId AND NOT EXISTS (SELECT 1 FROM pending_referrals WHERE id = @ReferralId)
        """;

    public static void MapViewReferral(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/referrals/{referralId:guid}", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("GetReferral").WithSummary("A referral of the caller's agency: its status, and its case once the agency takes part");

    private static async Task<Results<Ok<ReferralStatusView>, ProblemHttpResult>> Handle(
        Guid referralId, Caller caller, Database database, ConsentIndex participation, CancellationToken ct)
    {
        var found = await database.QuerySingleOrDefaultAsync<ReferralRow>(Find, new { ReferralId = referralId, Submitted = ReferralStatuses.Submitted }, ct);
        if (found is null || !caller.IsWorkerOf(found.AgencyId))
        {
            return Problems.NotFound("The referral");
        }
        var shown = found.Status == ReferralStatuses.Submitted && participation.TakesPart(found.CaseId, found.AgencyId) ? found.CaseId : (Guid?)null;
        return TypedResults.Ok(new ReferralStatusView(found.ReferralId, found.Status, shown));
    }

    private sealed class ReferralRow
    {
        public Guid ReferralId { get; init; }
        public string Status { get; init; } = "";
        public Guid CaseId { get; init; }
        public Guid AgencyId { get; init; }
    }
}
