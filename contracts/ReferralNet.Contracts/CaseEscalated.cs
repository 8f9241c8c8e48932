namespace ReferralNet.Contracts;

/// <summary><see cref="Reason"/>: <c>passed-around</c>, <c>no-first-contact</c> or <c>no-answer</c>.</summary>
public sealed record CaseEscalated(Guid CaseId, string Reason, int PassCount, DateTimeOffset OccurredAt);
