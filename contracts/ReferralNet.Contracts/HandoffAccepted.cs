namespace ReferralNet.Contracts;

/// <summary>The receiver took the offer on; <see cref="ContactBy"/>: when first contact is due (null from before it was told).</summary>
public sealed record HandoffAccepted(Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, DateTimeOffset OccurredAt, DateTimeOffset? ContactBy = null);
