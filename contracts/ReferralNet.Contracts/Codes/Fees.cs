namespace ReferralNet.Contracts.Codes;

public static class Fees
{
    public const string Free = "free";
    public const string SlidingScale = "sliding-scale";
    public const string Fee = "fee";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Free, SlidingScale, Fee);
}
