namespace ReferralNet.Contracts;

/// <summary>
/// The lead named the team's key person (主担当者): a worker of <see cref="AgencyId"/>. The worker's name stays in intake;
/// the support service needs only whose agency reviews the plan.
/// </summary>
public sealed record KeyPersonNamed(Guid CaseId, Guid AgencyId, DateTimeOffset OccurredAt);
