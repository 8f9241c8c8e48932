namespace ReferralNet.Contracts;

/// <summary>A council's coordinator convened a support meeting (whom it is about is not said).</summary>
public sealed record SupportMeetingConvened(Guid MeetingId, Guid CouncilId, DateTimeOffset At, DateTimeOffset OccurredAt);
