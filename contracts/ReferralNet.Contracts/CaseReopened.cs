namespace ReferralNet.Contracts;

/// <summary>
/// A closed case is open again with the same team (a follow-up found the young person needs help again): every
/// projection forgets the closing, so the members take part again as before it.
/// </summary>
public sealed record CaseReopened(Guid CaseId, Guid PersonId, Guid? LeadAgencyId, DateTimeOffset OccurredAt);
