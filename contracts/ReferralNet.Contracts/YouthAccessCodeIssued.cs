namespace ReferralNet.Contracts;

/// <summary>
/// Intake gave a young person a one-time code for their consent page, at the request of a worker of an agency in the
/// case. Only the code's SHA-256 travels; a newer code for the same person replaces the older ones.
/// </summary>
public sealed record YouthAccessCodeIssued(
    Guid PersonId, string CodeHash, DateTimeOffset ExpiresAt, Guid IssuedByAgencyId, string IssuedBy, DateTimeOffset OccurredAt);
