namespace ReferralNet.Contracts;

/// <summary>The receiver made first contact; from now on the receiver is the case's lead agency.</summary>
public sealed record HandoffConnected(
    Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, string Modality, DateTimeOffset OccurredAt);
