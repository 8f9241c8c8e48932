namespace ReferralNet.Contracts.Codes;

/// <summary>How a worker's case list is ordered (<c>sort=</c>): most recently in contact first, or most recently opened first.</summary>
public static class CaseSorts
{
    public const string Updated = "updated";
    public const string Opened = "opened";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Updated, Opened);
}
