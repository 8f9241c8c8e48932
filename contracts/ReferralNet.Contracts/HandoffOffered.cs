namespace ReferralNet.Contracts;

/// <summary>A warm handoff was offered. <see cref="PassNumber"/> counts earlier declined or expired offers on the case.</summary>
public sealed record HandoffOffered(
    Guid HandoffId,
    Guid ReferralId,
    Guid CaseId,
    Guid FromAgencyId,
    Guid ToAgencyId,
    Guid ToServiceId,
    DateTimeOffset RespondBy,
    int PassNumber,
    DateTimeOffset OccurredAt);
