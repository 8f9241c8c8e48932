namespace ReferralNet.Intake.Features.SharedCase;

/// <summary>
/// Where a shared case stands. A case waits for consent when someone other than the young person's own worker referred
/// them (a school, a parent, or the young person through the anonymous form) and they have not agreed yet; it is dormant
/// when nobody has been in contact for a while, and stays with its lead agency for low-touch re-contact.
/// </summary>
public static class CaseStatus
{
    public const string Open = "open";
    public const string AwaitingConsent = "awaiting-consent";
    public const string Dormant = "dormant";
    public const string Closed = "closed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Open, AwaitingConsent, Dormant, Closed], StringComparer.Ordinal);

    /// <summary>A worker's own referral is made with the young person; the other sources are made about them.</summary>
    public static string OnFirstReferral(string source) => source == "agency-worker" ? Open : AwaitingConsent;
}
