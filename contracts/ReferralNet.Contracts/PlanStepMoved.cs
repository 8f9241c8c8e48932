namespace ReferralNet.Contracts;

/// <summary>
/// A step of a support plan moved (<see cref="From"/>, <see cref="To"/>: <c>StepStatuses</c>; <see cref="Kind"/>:
/// <c>StepKinds</c>). The note stays in the support service.
/// </summary>
public sealed record PlanStepMoved(Guid CaseId, Guid StepId, string Kind, string From, string To, Guid AgencyId, DateTimeOffset OccurredAt);
