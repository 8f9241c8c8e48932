namespace ReferralNet.Contracts.Codes;

/// <summary>
/// An agency's standing in a case (API-v3 §1): exactly one <c>lead</c>; <c>member</c>s; and <c>pending</c> agencies
/// that referred a person who already had a case and wait to be admitted. Lead and member open data (with consent);
/// pending opens nothing.
/// </summary>
public static class Standings
{
    public const string Lead = "lead";
    public const string Member = "member";
    public const string Pending = "pending";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Lead, Member, Pending);
}

/// <summary>How an agency came into a case's team.</summary>
public static class JoinedBy
{
    /// <summary>Its referral opened the case (or landed on it before standings existed).</summary>
    public const string Referral = "referral";

    /// <summary>It accepted a warm handoff of the case.</summary>
    public const string Handoff = "handoff";

    /// <summary>It referred a person who already had a case, and the lead or the young person admitted it.</summary>
    public const string Admitted = "admitted";

    /// <summary>A coordinator gave it the escalated case; the next assignment ends this standing.</summary>
    public const string Escalation = "escalation";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Referral, Handoff, Admitted, Escalation);
}

/// <summary>Why an agency's standing in a case ended before the case did.</summary>
public static class TeamRemovalReasons
{
    /// <summary>The young person removed it from their team.</summary>
    public const string RemovedByYoungPerson = "removed-by-young-person";

    /// <summary>A coordinator gave the escalated case to another agency; this one had it only by the earlier assignment.</summary>
    public const string EscalationReassigned = "escalation-reassigned";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(RemovedByYoungPerson, EscalationReassigned);
}

/// <summary>Where a worker's referral stands (GET /api/intake/referrals/{id}).</summary>
public static class ReferralStatuses
{
    /// <summary>On its case: the referring agency is lead or member.</summary>
    public const string Submitted = "submitted";

    /// <summary>The person already had a case; its lead or the young person has not yet admitted the referring agency.</summary>
    public const string AwaitingAdmission = "awaiting-admission";

    /// <summary>The referring agency was not admitted: nothing of the case was opened to it.</summary>
    public const string NotAdmitted = "not-admitted";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Submitted, AwaitingAdmission, NotAdmitted);
}
