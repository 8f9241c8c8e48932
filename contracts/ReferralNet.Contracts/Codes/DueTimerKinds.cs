namespace ReferralNet.Contracts.Codes;

/// <summary>The deadlines of the handoff workflow (API-v2, "Handoff workflow") and of the support plan (API-v3 §4).</summary>
public static class DueTimerKinds
{
    /// <summary>An offer nobody answered by its <c>respondBy</c> expires: a pass.</summary>
    public const string OfferExpiry = "offer-expiry";

    /// <summary>An accepted offer without first contact after <c>ContactWithin</c> escalates.</summary>
    public const string FirstContact = "first-contact";

    /// <summary>A pass without a new offer on the case after <c>NextStepWithin</c> escalates.</summary>
    public const string NextStep = "next-step";

    /// <summary>A plan's review still not recorded Support:ReviewGrace after it fell due escalates (support).</summary>
    public const string ReviewOverdue = "review-overdue";
}
