using ReferralNet.Support.Features.Reviews;

namespace ReferralNet.Support.Features.Plan;

/// <summary>One stored version of a plan, and what made it.</summary>
public sealed record PlanVersionView
{
    public Guid Id { get; init; }
    public int Version { get; init; }
    [CodeList(typeof(PlanChanges))]
    public string Change { get; init; } = "";
    public Guid? AgencyId { get; init; }
    public DateTimeOffset SavedAt { get; init; }
    public IReadOnlyList<Goal> Goals { get; init; } = [];
    public IReadOnlyList<Step> Steps { get; init; } = [];
    public DateOnly NextReviewDue { get; init; }
}

/// <summary>
/// The support plan of a case (API-v3 §4): read by the young person and by lead and member agencies it is shared
/// with; written whole by the lead or the key person's agency, each write naming the version it replaces
/// (<c>If-Match</c>; 412 when another came first, 428 when none is named), every version kept.
/// </summary>
public static class PlanEndpoints
{
    private static readonly string ReadVersions = Keyset.PagedNewestFirst("""
        SELECT id, version, change, agency_id AS AgencyId, saved_at AS SavedAt, goals, steps, next_review_due AS NextReviewDue
        FROM plan_versions WHERE case_id = @CaseId
        """, "id");

    public static void MapPlan(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/support/cases/{caseId:guid}/plan");
        plan.MapGet("", ReadAsync).RequirePersonAccess(Policies.TeamParty)
            .WithName("ReadSupportPlan").WithSummary("The case's support plan: goals, steps along the pathway, the next review");
        plan.MapPut("", WriteAsync).RequirePersonAccess(Policies.Worker)
            .WithName("WriteSupportPlan").WithSummary("The lead or the key person's agency writes the plan (If-Match: the version it replaces)");
        plan.MapGet("/versions", VersionsAsync).RequirePersonAccess(Policies.TeamParty)
            .WithName("ListSupportPlanVersions").WithSummary("Every version of the plan, newest first, and what made each");
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> ReadAsync(
        Guid caseId, Caller caller, HttpContext http, Database database, ConsentIndex consents, IOptions<SupportOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var access = await CaseAccess.ToReadAsync(work, caseId, caller, consents, now, ct);
        var plan = access.Case is null ? null : await SupportPlan.FindAsync(work, caseId, ct);
        var comments = plan is null ? null : await SupportPlan.CommentsAsync(work, [caseId], ct);
        await work.CommitAsync(ct);
        if (access.Problem is { } problem)
        {
            return problem;
        }
        if (plan is null)
        {
            return Problems.NotFound("The plan");
        }
        http.Response.Headers.ETag = SupportPlan.ETagOf(plan.Version);
        return TypedResults.Ok(plan.ToView(comments![caseId], options.Value.Today(now)));
    }

    private static async Task<Results<Created<PlanView>, Ok<PlanView>, ProblemHttpResult>> WriteAsync(
        Guid caseId, WritePlanRequest request, Caller caller, HttpContext http, Database database, ConsentIndex consents,
        ReviewDeadline deadline, IOptions<SupportOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = options.Value.Today(now);
        await using var work = await database.BeginAsync(ct);
        var access = await CaseAccess.ToChangeAsync(work, caseId, caller, consents, c => c.MayWrite(caller, consents),
            "The lead agency or the key person's agency writes the plan, with the young person.", now, ct);
        if (access.Problem is { } problem)
        {
            await work.CommitAsync(ct); // the consent decision is recorded, as for any read
            return problem;
        }
        var current = await SupportPlan.FindAsync(work, caseId, ct, forUpdate: true);
        var named = SupportPlan.VersionIn(http.Request.Headers.IfMatch);
        if (current is not null && named is null)
        {
            return Problems.PreconditionRequired($"The plan exists: send If-Match: {SupportPlan.ETagOf(current.Version)} with the version you changed.");
        }
        if (named is { } version && version != current?.Version)
        {
            return Problems.PreconditionFailed("The plan changed since you read it: read it again and make your change on the new version.");
        }
        if (request.Validate(current, today, agency => consents.TakesPart(caseId, agency)) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var plan = request.ToPlan(caseId, current, today, options.Value.ReviewEvery);
        if (!await plan.SaveAsync(work, PlanChanges.Written, caller.AgencyId, deadline, now, ct))
        {
            return Problems.PreconditionFailed("Someone wrote the plan at the same moment: read it again and make your change on their version.");
        }
        await work.CommitAsync(ct);
        var view = (await ReadBackAsync(database, caseId, today, ct))!;
        http.Response.Headers.ETag = SupportPlan.ETagOf(view.Version);
        return current is null ? TypedResults.Created($"/api/support/cases/{caseId}/plan", view) : TypedResults.Ok(view);
    }

    private static Task<Results<Ok<Page<PlanVersionView>>, ProblemHttpResult>> VersionsAsync(
        Guid caseId, Guid? cursor, int? limit, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct) =>
        CaseAccess.ReadAsync(database, caseId, caller, consents, time.GetUtcNow(),
            work => work.PageAsync<PlanVersionView>(ReadVersions, new { CaseId = caseId }, limit, cursor, v => v.Id, ct), ct);

    /// <summary>The plan as stored a moment ago, with its comments: what a change answers.</summary>
    public static async Task<PlanView?> ReadBackAsync(Database database, Guid caseId, DateOnly today, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var plan = await SupportPlan.FindAsync(work, caseId, ct);
        return plan?.ToView((await SupportPlan.CommentsAsync(work, [caseId], ct))[caseId], today);
    }
}
