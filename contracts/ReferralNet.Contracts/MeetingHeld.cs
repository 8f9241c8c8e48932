namespace ReferralNet.Contracts;

/// <summary>A team's meeting was held: its minutes were first written. <see cref="Kind"/> is a code of MeetingKinds.</summary>
public sealed record MeetingHeld(Guid MeetingId, Guid CaseId, string Kind, DateTimeOffset At, DateTimeOffset OccurredAt);
