namespace ReferralNet.Contracts;

public sealed record HandoffCompleted(
    Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, string Outcome, DateTimeOffset OccurredAt);
