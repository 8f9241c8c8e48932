namespace ReferralNet.Contracts;

/// <summary>The receiving agency confirmed the time of a handoff's joint first meeting (again, after a move).</summary>
public sealed record JointMeetingConfirmed(Guid MeetingId, Guid HandoffId, Guid CaseId, DateTimeOffset At, DateTimeOffset OccurredAt);
