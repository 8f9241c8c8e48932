namespace ReferralNet.Contracts.Codes;

public static class DeclineReasons
{
    public const string NoCapacity = "no-capacity";
    public const string NotEligible = "not-eligible";
    public const string NotAppropriate = "not-appropriate";
    public const string Other = "other";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(NoCapacity, NotEligible, NotAppropriate, Other);
}
