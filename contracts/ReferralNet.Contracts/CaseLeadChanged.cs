namespace ReferralNet.Contracts;

public sealed record CaseLeadChanged(Guid CaseId, Guid LeadAgencyId, DateTimeOffset OccurredAt);
