using ReferralNet.Support.Features.Plan;

namespace ReferralNet.Support.Features.Reviews;

/// <summary>How one goal went since the last review.</summary>
[StoredAsJson]
public sealed record GoalProgress(Guid GoalId, [property: CodeList(typeof(ReviewProgress))] string Progress, string? Note);

public sealed record GoalProgressInput(Guid? GoalId, [property: CodeList(typeof(ReviewProgress))] string? Progress, string? Note);

public sealed record RecordReviewRequest(IReadOnlyList<GoalProgressInput>? Goals, DateOnly? NextReviewDue)
{
    public const int MaxNoteLength = 1000;

    public ValidationErrors Validate(SupportPlan plan, DateOnly today)
    {
        var errors = new ValidationErrors()
            .Check(Goals is { Count: > 0 }, "goals", ErrorCodes.Required, "needs how at least one goal went")
            .AtMost(Goals, WritePlanRequest.MaxGoals, "goals")
            .Check(NextReviewDue is not { } review || (review > today && review <= today.AddYears(1)), "nextReviewDue", ErrorCodes.OutOfRange,
                "must be a day after today and within a year");
        foreach (var (goal, i) in (Goals ?? []).Select((g, i) => (g, i)))
        {
            errors.Check(goal?.GoalId is { } id && plan.Goals.Any(g => g.Id == id), $"goals[{i}].goalId", ErrorCodes.UnknownValue, "is not a goal of this plan")
                .Code(goal?.Progress, ReviewProgress.All, $"goals[{i}].progress")
                .Check((goal?.Note?.Length ?? 0) <= MaxNoteLength, $"goals[{i}].note", ErrorCodes.TooLong, $"must be at most {MaxNoteLength} characters");
        }
        return errors;
    }
}

/// <summary>A recorded review: the day it answered, whether by that day, how each goal went, and the next review's day.</summary>
public sealed record ReviewView
{
    public Guid Id { get; init; }
    public Guid AgencyId { get; init; }
    public DateOnly Due { get; init; }
    public bool OnTime { get; init; }
    public IReadOnlyList<GoalProgress> Goals { get; init; } = [];
    public DateOnly NextReviewDue { get; init; }
    public DateTimeOffset ReviewedAt { get; init; }
}

/// <summary>
/// A review of the plan (API-v3 §4) by the lead or the key person's agency: how each goal went, and the next review's
/// day. It answers the review that was due — on time or late — clears the review task, and resolves the escalation
/// that lateness raised. Read like the plan.
/// </summary>
public static class ReviewEndpoints
{
    private const string Record = """
        INSERT INTO reviews (id, case_id, agency_id, goals, due, on_time, next_review_due, reviewed_at)
        VALUES (@Id, @CaseId, @AgencyId, @Goals, @Due, @OnTime, @NextReviewDue, @Now)
        """;

    private static readonly string ReadReviews = Keyset.PagedNewestFirst("""
        SELECT id, agency_id AS AgencyId, due, on_time AS OnTime, goals, next_review_due AS NextReviewDue, reviewed_at AS ReviewedAt
        FROM reviews WHERE case_id = @CaseId
        """, "id");

    public static void MapReviews(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/api/support/cases/{caseId:guid}/reviews");
        reviews.MapPost("", RecordAsync).RequirePersonAccess(Policies.Worker)
            .WithName("RecordPlanReview").WithSummary("The lead or the key person's agency records a review and sets the next");
        reviews.MapGet("", ListAsync).RequirePersonAccess(Policies.TeamParty)
            .WithName("ListPlanReviews").WithSummary("The plan's reviews, newest first");
    }

    private static async Task<Results<Created<ReviewView>, ProblemHttpResult>> RecordAsync(
        Guid caseId, RecordReviewRequest request, Caller caller, HttpContext http, Database database, ConsentIndex consents,
        ReviewDeadline deadline, IOptions<SupportOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = options.Value.Today(now);
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<ReviewView>> (work) =>
        {
            var access = await CaseAccess.ToChangeAsync(work, caseId, caller, consents, c => c.MayWrite(caller, consents),
                "The lead agency or the key person's agency reviews the plan.", now, ct);
            if (access.Problem is { } problem)
            {
                return problem;
            }
            if (await SupportPlan.FindAsync(work, caseId, ct, forUpdate: true) is not { } plan)
            {
                return Problems.NotFound("The plan");
            }
            if (request.Validate(plan, today) is { IsValid: false } errors)
            {
                return errors.ToProblem();
            }
            var next = request.NextReviewDue ?? today.AddDays((int)options.Value.ReviewEvery.TotalDays);
            var review = new ReviewView
            {
                Id = Guid.CreateVersion7(), AgencyId = caller.AgencyId!.Value, Due = plan.NextReviewDue, OnTime = today <= plan.NextReviewDue,
                Goals = [.. request.Goals!.Select(g => new GoalProgress(g.GoalId!.Value, g.Progress!, string.IsNullOrWhiteSpace(g.Note) ? null : g.Note.Trim()))],
                NextReviewDue = next, ReviewedAt = now,
            };
            await new SupportPlan
            {
                CaseId = caseId, Version = plan.Version + 1, Goals = plan.Goals, Steps = plan.Steps, NextReviewDue = next,
            }.SaveAsync(work, PlanChanges.Reviewed, caller.AgencyId, deadline, now, ct);
            await work.ExecuteAsync(Record, new
            {
                review.Id, CaseId = caseId, review.AgencyId, review.Goals, review.Due, review.OnTime, review.NextReviewDue, Now = now,
            }, ct);
            await ReviewDeadline.ResolveAsync(work, caseId, now, ct);
            work.Publish(new PlanReviewed(review.Id, caseId, review.AgencyId, options.Value.EndOf(review.Due), review.OnTime, now));
            return review;
        }, _ => $"/api/support/cases/{caseId}/reviews", ct);
    }

    private static Task<Results<Ok<Page<ReviewView>>, ProblemHttpResult>> ListAsync(
        Guid caseId, Guid? cursor, int? limit, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct) =>
        CaseAccess.ReadAsync(database, caseId, caller, consents, time.GetUtcNow(),
            work => work.PageAsync<ReviewView>(ReadReviews, new { CaseId = caseId }, limit, cursor, r => r.Id, ct), ct);
}
