namespace ReferralNet.Contracts;

/// <summary><see cref="Reason"/> is a code (<c>no-capacity</c>, <c>not-eligible</c>, …), never free text.</summary>
public sealed record HandoffDeclined(
    Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, string Reason, DateTimeOffset OccurredAt);
