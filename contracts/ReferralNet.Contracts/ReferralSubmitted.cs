namespace ReferralNet.Contracts;

/// <summary>
/// A referral landed on a case. Only ids, codes and numbers: no names, contacts or free text. <see cref="AgeYears"/> and
/// <see cref="Municipality"/> are null when a young person referred themself without giving them.
/// </summary>
public sealed record ReferralSubmitted(
    Guid ReferralId,
    Guid CaseId,
    Guid PersonId,
    Guid FromAgencyId,
    string Source,
    IReadOnlyList<string> Needs,
    string Urgency,
    IReadOnlyList<string> Modalities,
    bool RemoteFirst,
    IReadOnlyList<string> Languages,
    int? AgeYears,
    string? Municipality,
    DateTimeOffset OccurredAt);
