namespace ReferralNet.Contracts;

public sealed record CaseOpened(Guid CaseId, Guid PersonId, Guid LeadAgencyId, DateTimeOffset OccurredAt);
