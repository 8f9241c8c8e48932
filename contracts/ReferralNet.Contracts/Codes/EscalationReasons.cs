namespace ReferralNet.Contracts.Codes;

/// <summary>Why a case was escalated to the network's coordinators (API-v2, "Handoff workflow").</summary>
public static class EscalationReasons
{
    public const string PassedAround = "passed-around";
    public const string NoFirstContact = "no-first-contact";
    public const string NoNextStep = "no-next-step";

    /// <summary>A plan's review is overdue by more than Support:ReviewGrace (raised by the support service).</summary>
    public const string ReviewOverdue = "review-overdue";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(PassedAround, NoFirstContact, NoNextStep, ReviewOverdue);
}
