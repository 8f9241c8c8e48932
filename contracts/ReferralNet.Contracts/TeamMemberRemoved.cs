namespace ReferralNet.Contracts;

/// <summary>
/// An agency's standing in a case ended while the case goes on (<see cref="Reason"/>: <c>TeamRemovalReasons</c>): it
/// no longer takes part, in every service's projection at once, as a revocation would.
/// </summary>
public sealed record TeamMemberRemoved(Guid CaseId, Guid PersonId, Guid AgencyId, string Reason, DateTimeOffset OccurredAt);
