namespace ReferralNet.Contracts;

/// <summary>
/// Intake gave a young person a one-time code for their consent page. Only the code's SHA-256 travels; a newer code
/// for the same person replaces the older ones.
/// </summary>
public sealed record YouthAccessCodeIssued(Guid PersonId, string CodeHash, DateTimeOffset ExpiresAt, DateTimeOffset OccurredAt);
