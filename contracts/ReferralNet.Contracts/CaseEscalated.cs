namespace ReferralNet.Contracts;

/// <summary><see cref="Reason"/>: one of <c>EscalationReasons</c> (<c>passed-around</c>, <c>no-first-contact</c>, <c>no-next-step</c>).</summary>
public sealed record CaseEscalated(Guid CaseId, string Reason, int PassCount, DateTimeOffset OccurredAt);
