namespace ReferralNet.Contracts;

/// <summary>
/// A plan's review was recorded; <see cref="OnTime"/> when by its review date (or before a plan had one).
/// <see cref="DueAt"/> is the review date it answered.
/// </summary>
public sealed record PlanReviewed(Guid ReviewId, Guid CaseId, Guid AgencyId, DateTimeOffset? DueAt, bool OnTime, DateTimeOffset OccurredAt);
