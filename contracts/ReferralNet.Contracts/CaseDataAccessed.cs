namespace ReferralNet.Contracts;

/// <summary>One read of a person's data, permitted or denied. <see cref="UserId"/> is the token subject, not a name.</summary>
public sealed record CaseDataAccessed(
    Guid PersonId,
    Guid CaseId,
    Guid AgencyId,
    string UserId,
    string Category,
    string Purpose,
    string Decision,
    DateTimeOffset OccurredAt);
