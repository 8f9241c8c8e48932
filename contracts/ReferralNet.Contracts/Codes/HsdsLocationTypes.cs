namespace ReferralNet.Contracts.Codes;

/// <summary>The kinds of location in HSDS 3.0: a remote way of meeting is a virtual one.</summary>
public static class HsdsLocationTypes
{
    public const string Physical = "physical";
    public const string Postal = "postal";
    public const string Virtual = "virtual";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Physical, Postal, Virtual);
}
