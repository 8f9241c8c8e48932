namespace ReferralNet.Contracts;

/// <summary>
/// <see cref="Reason"/>: one of <c>EscalationReasons</c> (<c>passed-around</c>, <c>no-first-contact</c>, <c>no-next-step</c>).
/// <see cref="HandoffId"/> is the handoff whose pass or deadline raised it; <see cref="EscalationResolved"/> names the same
/// <see cref="EscalationId"/> when it ends. Both are null in events of earlier versions.
/// </summary>
public sealed record CaseEscalated(
    Guid CaseId, string Reason, int PassCount, DateTimeOffset OccurredAt, Guid? EscalationId = null, Guid? HandoffId = null);
