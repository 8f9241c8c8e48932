namespace ReferralNet.Contracts.Codes;

public static class Urgencies
{
    public const string Routine = "routine";
    public const string Soon = "soon";
    public const string Urgent = "urgent";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Routine, Soon, Urgent);
}
