namespace ReferralNet.Contracts.Codes;

public static class EscalationStatuses
{
    public const string Open = "open";
    public const string Resolved = "resolved";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Open, Resolved);
}
