namespace ReferralNet.Contracts.Codes;

/// <summary>
/// Where a shared case stands. A case waits for consent when someone other than the young person's own worker referred
/// them (a school, a parent, or the young person through the anonymous form) and they have not agreed yet; it is dormant
/// when nobody has been in contact for a while, and stays with its lead agency for low-touch re-contact.
/// </summary>
public static class CaseStatuses
{
    public const string Open = "open";
    public const string AwaitingConsent = "awaiting-consent";
    public const string Dormant = "dormant";
    public const string Closed = "closed";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Open, AwaitingConsent, Dormant, Closed);
}
