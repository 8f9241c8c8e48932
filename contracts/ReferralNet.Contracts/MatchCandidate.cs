namespace ReferralNet.Contracts;

public sealed record MatchCandidate(Guid ServiceId, Guid AgencyId, double Score);
