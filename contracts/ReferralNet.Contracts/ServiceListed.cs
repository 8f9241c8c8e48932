namespace ReferralNet.Contracts;

/// <summary>A service was entered in the directory or changed (who it takes); handoff keeps a copy to check offers against.</summary>
public sealed record ServiceListed(Guid ServiceId, Guid AgencyId, ServiceEligibility Eligibility, DateTimeOffset OccurredAt);
