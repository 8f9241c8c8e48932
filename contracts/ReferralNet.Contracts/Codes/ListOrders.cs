namespace ReferralNet.Contracts.Codes;

/// <summary>The order a list that offers one is read in (<c>order=</c>): oldest first unless asked.</summary>
public static class ListOrders
{
    public const string Oldest = "oldest";
    public const string Newest = "newest";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Oldest, Newest);
}
