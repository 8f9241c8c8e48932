namespace ReferralNet.Contracts;

public sealed record HandoffExpired(Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, DateTimeOffset OccurredAt);
