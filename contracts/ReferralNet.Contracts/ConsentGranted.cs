namespace ReferralNet.Contracts;

/// <summary>Scope is <c>network</c> (every agency participating in the case, now or later) or <c>agencies</c>.</summary>
public sealed record ConsentGranted(
    Guid ConsentId,
    Guid PersonId,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<string> Categories,
    string Scope,
    IReadOnlyList<Guid> AgencyIds,
    DateTimeOffset ValidUntil,
    DateTimeOffset OccurredAt);
