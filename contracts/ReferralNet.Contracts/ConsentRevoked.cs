namespace ReferralNet.Contracts;

public sealed record ConsentRevoked(Guid ConsentId, Guid PersonId, DateTimeOffset OccurredAt);
