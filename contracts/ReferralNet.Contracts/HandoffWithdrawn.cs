namespace ReferralNet.Contracts;

public sealed record HandoffWithdrawn(Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, DateTimeOffset OccurredAt);
