namespace ReferralNet.Contracts.Codes;

/// <summary>Whether matching has ranked a referral yet (a client asks right after submitting).</summary>
public static class MatchStatuses
{
    public const string Pending = "pending";
    public const string Ready = "ready";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Pending, Ready);
}
