namespace ReferralNet.Contracts;

/// <summary>An agency joined the directory; <see cref="Kind"/> is one of <c>AgencyKinds</c> (insights counts flow by kind).</summary>
public sealed record AgencyListed(Guid AgencyId, string Kind, DateTimeOffset OccurredAt);
