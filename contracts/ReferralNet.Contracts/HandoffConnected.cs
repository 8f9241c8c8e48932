namespace ReferralNet.Contracts;

/// <summary>
/// The receiver made first contact; from now on the receiver is the case's lead agency. <see cref="MeetingId"/>: at the
/// joint first meeting, with the sender present (null for first contact made otherwise, and from before it was told).
/// </summary>
public sealed record HandoffConnected(
    Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, string Modality, DateTimeOffset OccurredAt, Guid? MeetingId = null);
