using ReferralNet.Support.Features.Plan;

namespace ReferralNet.Support.Features.YouthPlans;

public sealed record CommentOnPlanRequest(string? Text)
{
    public const int MaxTextLength = 2000;

    public ValidationErrors Validate() => new ValidationErrors().Required(Text, "text", MaxTextLength);
}

public sealed record YouthPlans(IReadOnlyList<PlanView> Items);

/// <summary>
/// The young person's own plans (API-v3 §4): the plan of each of their cases, without a code per case; they agree to
/// the version they read and comment in their own words. Agreeing and commenting need their full sign-in (a credential
/// still waiting after a reset may only look).
/// </summary>
public static class YouthPlanEndpoints
{
    private const string Agree = """
        UPDATE plans SET youth_agreed_at = @Now, youth_agreed_version = version WHERE case_id = @CaseId
        """;

    private const string Comment = """
        INSERT INTO plan_comments (id, case_id, plan_version, text, written_at)
        SELECT @Id, case_id, version, @Text, @Now FROM plans WHERE case_id = @CaseId
        RETURNING id, plan_version AS PlanVersion, text, written_at AS WrittenAt
        """;

    public static void MapYouthPlans(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/support/me/plans");
        mine.MapGet("", ListAsync).RequireAuthorization(Policies.Youth)
            .WithName("ListMyPlans").WithSummary("The young person's plans, one per case of theirs");
        mine.MapPost("/{caseId:guid}/agree", AgreeAsync).RequirePersonAccess(Policies.Youth)
            .WithName("AgreeToMyPlan").WithSummary("The young person agrees to their plan as it stands");
        mine.MapPost("/{caseId:guid}/comment", CommentAsync).RequirePersonAccess(Policies.Youth)
            .WithName("CommentOnMyPlan").WithSummary("The young person comments on their plan");
    }

    private static async Task<Ok<YouthPlans>> ListAsync(Caller caller, Database database, IOptions<SupportOptions> options, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var plans = await SupportPlan.OfPersonAsync(work, caller.PersonId!.Value, ct);
        var comments = await SupportPlan.CommentsAsync(work, plans.Select(p => p.CaseId), ct);
        var today = options.Value.Today(time.GetUtcNow());
        return TypedResults.Ok(new YouthPlans([.. plans.Select(p => p.ToView(comments[p.CaseId], today))]));
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> AgreeAsync(
        Guid caseId, Caller caller, Database database, IOptions<SupportOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        if (await OwnPlanProblemAsync(work, caseId, caller, ct) is { } problem)
        {
            return problem;
        }
        await work.ExecuteAsync(Agree, new { CaseId = caseId, Now = now }, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok((await PlanEndpoints.ReadBackAsync(database, caseId, options.Value.Today(now), ct))!);
    }

    private static async Task<Results<Created<PlanComment>, ProblemHttpResult>> CommentAsync(
        Guid caseId, CommentOnPlanRequest request, Caller caller, HttpContext http, Database database, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<PlanComment>> (work) =>
            await OwnPlanProblemAsync(work, caseId, caller, ct) is { } problem
                ? problem
                : await work.QuerySingleAsync<PlanComment>(Comment, new { Id = Guid.CreateVersion7(), CaseId = caseId, Text = request.Text!.Trim(), Now = now }, ct),
            _ => $"/api/support/me/plans", ct);
    }

    /// <summary>404 unless the case is the caller's own and has a plan; 403 for a sign-in that may only look.</summary>
    private static async Task<ProblemHttpResult?> OwnPlanProblemAsync(UnitOfWork work, Guid caseId, Caller caller, CancellationToken ct)
    {
        if (await SupportCase.FindAsync(work, caseId, ct) is not { } found || !caller.IsYouth(found.PersonId)
            || await SupportPlan.FindAsync(work, caseId, ct, forUpdate: true) is null)
        {
            return Problems.NotFound("The plan");
        }
        return caller.IsLimitedYouth ? Caller.Limited() : null;
    }
}
