namespace ReferralNet.Contracts.Codes;

/// <summary>Which of an agency's handoffs a list shows: those offered to it (the default) or those it offered.</summary>
public static class HandoffDirections
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Incoming, Outgoing);
}
