namespace ReferralNet.Contracts;

/// <summary>An escalation ended: resolved by a coordinator, or by itself when a later offer was accepted or the case closed.</summary>
public sealed record EscalationResolved(Guid EscalationId, Guid CaseId, string Reason, string Resolution, DateTimeOffset OccurredAt);
