namespace ReferralNet.Contracts;

/// <summary>
/// A worker merged a possible duplicate: <see cref="MergedCaseId"/> (of <see cref="MergedPersonId"/>) is closed and
/// carries on as <see cref="CaseId"/> (of <see cref="PersonId"/>); the agencies of both take part in it.
/// </summary>
public sealed record CasesMerged(Guid CaseId, Guid MergedCaseId, Guid PersonId, Guid MergedPersonId, DateTimeOffset OccurredAt);
