namespace ReferralNet.Contracts.Codes;

public static class ConsentMethods
{
    public const string Online = "online";
    public const string Verbal = "verbal";
    public const string Paper = "paper";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Online, Verbal, Paper);
}
