namespace ReferralNet.Contracts;

/// <summary>
/// A case's support plan is next reviewed by <see cref="DueAt"/> (the last second of its review day): set by every saved
/// version of the plan, a review included, and by a reopened case's plan.
/// </summary>
public sealed record PlanReviewScheduled(Guid CaseId, DateTimeOffset DueAt, DateTimeOffset OccurredAt);
