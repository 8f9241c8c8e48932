namespace ReferralNet.Contracts.Codes;

public static class CaseCloseReasons
{
    public const string GotHelp = "got-help";
    public const string NoLongerNeeded = "no-longer-needed";
    public const string DeclinedByYouth = "declined-by-youth";
    public const string MovedAway = "moved-away";
    public const string Other = "other";

    /// <summary>The reason a <c>CaseClosed</c> carries when the case was merged into another (never a request's reason).</summary>
    public const string Merged = "merged";

    /// <summary>The reasons a worker may give.</summary>
    public static readonly IReadOnlySet<string> All = CodeSet.Of(GotHelp, NoLongerNeeded, DeclinedByYouth, MovedAway, Other);
}
