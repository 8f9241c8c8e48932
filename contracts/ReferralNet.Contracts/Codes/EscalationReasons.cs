namespace ReferralNet.Contracts.Codes;

/// <summary>Why a case was escalated to the network's coordinators (API-v2, "Handoff workflow").</summary>
public static class EscalationReasons
{
    public const string PassedAround = "passed-around";
    public const string NoFirstContact = "no-first-contact";
    public const string NoNextStep = "no-next-step";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(PassedAround, NoFirstContact, NoNextStep);
}
