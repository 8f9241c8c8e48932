namespace ReferralNet.Contracts;

/// <summary>An agency said an action its meeting gave it is done; <see cref="OnTime"/>: by the end of its day.</summary>
public sealed record MeetingActionDone(Guid ActionId, Guid MeetingId, Guid CaseId, Guid AgencyId, bool OnTime, DateTimeOffset OccurredAt);
