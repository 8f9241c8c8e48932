namespace ReferralNet.Contracts.Codes;

/// <summary>
/// Where a warm handoff stands: offered → accepted → connected → completed; offered → declined | expired | withdrawn;
/// accepted → withdrawn.
/// </summary>
public static class HandoffStatuses
{
    public const string Offered = "offered";
    public const string Accepted = "accepted";
    public const string Connected = "connected";
    public const string Completed = "completed";
    public const string Declined = "declined";
    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Offered, Accepted, Connected, Completed, Declined, Expired, Withdrawn);

    /// <summary>A handoff the receiver still has in hand: the sender may not offer the case to that service again.</summary>
    public static readonly IReadOnlySet<string> Open = CodeSet.Of(Offered, Accepted, Connected);

    /// <summary>A pass: the receiver declined or let the offer expire.</summary>
    public static readonly IReadOnlySet<string> Passed = CodeSet.Of(Declined, Expired);
}
