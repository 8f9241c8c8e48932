namespace ReferralNet.Contracts.Codes;

/// <summary>
/// How a worker's case list is ordered (<c>sort=</c>): most recently in contact first, most recently opened first, or
/// the soonest due first (cases waiting for nothing last).
/// </summary>
public static class CaseSorts
{
    public const string Updated = "updated";
    public const string Opened = "opened";
    public const string Due = "due";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Updated, Opened, Due);
}
