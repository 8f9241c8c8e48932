namespace ReferralNet.Contracts;

/// <summary>Services ranked for a referral, best first.</summary>
public sealed record MatchesProposed(
    Guid ReferralId,
    Guid CaseId,
    IReadOnlyList<MatchCandidate> Candidates,
    DateTimeOffset OccurredAt);
