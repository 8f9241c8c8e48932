using ReferralNet.Web.Features.Youth;
using ReferralNet.Web.Gateway;

namespace ReferralNet.Web.Features.Plans;

public sealed record Goal(Guid Id, string Text, string Status);

public sealed record Step(Guid Id, string Kind, string Title, Guid OwnerAgencyId, DateOnly Due, string Status);

public sealed record PlanComment(Guid Id, int PlanVersion, string Text, DateTimeOffset WrittenAt);

/// <summary>A case's support plan (API-v3 §4) as the worker and the young person read it.</summary>
public sealed record SupportPlan(
    Guid CaseId, string CaseReference, int Version, IReadOnlyList<Goal> Goals, IReadOnlyList<Step> Steps, DateOnly NextReviewDue,
    bool ReviewOverdue, DateTimeOffset? YouthAgreedAt, int? YouthAgreedVersion, DateTimeOffset UpdatedAt, IReadOnlyList<PlanComment> Comments)
{
    /// <summary>The young person agreed to the plan as it stands now, not to an earlier version.</summary>
    public bool AgreedAsItStands => YouthAgreedVersion == Version;
}

public sealed record GoalProgress(Guid GoalId, string Progress, string? Note);

public sealed record Review(Guid Id, Guid AgencyId, DateOnly Due, bool OnTime, IReadOnlyList<GoalProgress> Goals, DateOnly NextReviewDue, DateTimeOffset ReviewedAt);

public sealed record FollowUp(Guid Id, Guid AgencyId, DateTimeOffset ClosedAt, DateTimeOffset DueAt, string? Result, DateTimeOffset? RecordedAt);

/// <summary>A plan as its page writes it: the rows with words, each with its id when it was there before.</summary>
public sealed record PlanDraft(IReadOnlyList<GoalDraft> Goals, IReadOnlyList<StepDraft> Steps, DateOnly? NextReviewDue);

public sealed record GoalDraft(Guid? Id, string? Text, string? Status);

public sealed record StepDraft(Guid? Id, string? Kind, string? Title, Guid? OwnerAgencyId, DateOnly? Due);

/// <summary>A review as its page records it: each goal's progress, and the next review's day.</summary>
public sealed record ReviewDraft(IReadOnlyList<GoalReviewed> Goals, DateOnly? NextReviewDue);

public sealed record GoalReviewed(Guid? GoalId, string? Progress, string? Note);

/// <summary>A task about a case, as intake and support list them: what, which case, whose, by when.</summary>
public sealed record CaseTask(string Kind, Guid CaseId, string CaseReference, Guid AgencyId, DateTimeOffset DueAt);

/// <summary>The calls the plan's pages make: the worker's (read, write with the version read, move, review, follow up) and the young person's.</summary>
public sealed class PlanApi(GatewayApi gateway)
{
    private static string Path(Guid caseId) => $"/api/support/cases/{caseId}";

    public Task<ApiResult<SupportPlan>> PlanAsync(Guid caseId, CancellationToken ct) => gateway.GetAsync<SupportPlan>($"{Path(caseId)}/plan", ct);

    /// <summary>The plan whole; <paramref name="version"/>: the one the writer read (null for the first plan).</summary>
    public Task<ApiResult<SupportPlan>> WriteAsync(Guid caseId, PlanDraft plan, int? version, CancellationToken ct) =>
        gateway.PutAsync<SupportPlan>($"{Path(caseId)}/plan", plan, ct, version is { } v ? $"\"{v}\"" : null);

    public Task<ApiResult<SupportPlan>> MoveAsync(Guid caseId, Guid stepId, string to, string? note, CancellationToken ct) =>
        gateway.PostAsync<SupportPlan>($"{Path(caseId)}/plan/steps/{stepId}/moves", new { to, note }, ct);

    public Task<ApiResult<Review>> ReviewAsync(Guid caseId, ReviewDraft review, string idempotencyKey, CancellationToken ct) =>
        gateway.PostAsync<Review>($"{Path(caseId)}/reviews", review, ct, idempotencyKey);

    public Task<ApiResult<ListOf<Review>>> ReviewsAsync(Guid caseId, CancellationToken ct) =>
        gateway.GetAsync<ListOf<Review>>($"{Path(caseId)}/reviews?limit=1", ct);

    public Task<ApiResult<ListOf<FollowUp>>> FollowUpsAsync(Guid caseId, CancellationToken ct) =>
        gateway.GetAsync<ListOf<FollowUp>>($"{Path(caseId)}/follow-ups", ct);

    public Task<ApiResult<FollowUp>> FollowUpAsync(Guid caseId, string result, string idempotencyKey, CancellationToken ct) =>
        gateway.PostAsync<FollowUp>($"{Path(caseId)}/follow-ups", new { result }, ct, idempotencyKey);

    public Task<ApiResult<ListOf<CaseTask>>> TasksAsync(CancellationToken ct) => gateway.GetAsync<ListOf<CaseTask>>("/api/support/tasks", ct);

    public Task<ApiResult<ListOf<SupportPlan>>> MyPlansAsync(CancellationToken ct) => gateway.GetAsync<ListOf<SupportPlan>>("/api/support/me/plans", ct);

    public Task<ApiResult<SupportPlan>> AgreeAsync(Guid caseId, CancellationToken ct) =>
        gateway.PostAsync<SupportPlan>($"/api/support/me/plans/{caseId}/agree", null, ct);

    public Task<ApiResult<PlanComment>> CommentAsync(Guid caseId, string text, string idempotencyKey, CancellationToken ct) =>
        gateway.PostAsync<PlanComment>($"/api/support/me/plans/{caseId}/comment", new { text }, ct, idempotencyKey);
}
