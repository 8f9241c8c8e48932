namespace ReferralNet.Contracts.Codes;

/// <summary>How an escalation was resolved: by a coordinator, or by itself when an offer was accepted or the case closed.</summary>
public static class EscalationResolutions
{
    public const string NextOfferSent = "next-offer-sent";
    public const string YouthContacted = "youth-contacted";
    public const string CaseClosed = "case-closed";
    public const string Other = "other";

    /// <summary>Set by the network, not by a coordinator: a later offer on the case was accepted.</summary>
    public const string OfferAccepted = "offer-accepted";

    /// <summary>Set by the network, not by a coordinator: the overdue review was recorded (support).</summary>
    public const string Reviewed = "reviewed";

    /// <summary>What a coordinator may give.</summary>
    public static readonly IReadOnlySet<string> All = CodeSet.Of(NextOfferSent, YouthContacted, CaseClosed, Other);
}
