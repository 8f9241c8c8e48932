namespace ReferralNet.Contracts;

public sealed record HandoffAccepted(Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, DateTimeOffset OccurredAt);
