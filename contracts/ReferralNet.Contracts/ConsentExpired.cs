namespace ReferralNet.Contracts;

public sealed record ConsentExpired(Guid ConsentId, Guid PersonId, DateTimeOffset OccurredAt);
