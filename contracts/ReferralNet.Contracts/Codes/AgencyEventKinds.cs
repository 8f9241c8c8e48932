namespace ReferralNet.Contracts.Codes;

/// <summary>What the live feed of an agency tells its workers (API-v2, "Live events"): ids and codes only.</summary>
public static class AgencyEventKinds
{
    /// <summary>An offer to a service of the agency arrived (to answer by its <c>respondBy</c>).</summary>
    public const string OfferReceived = "offer-received";

    /// <summary>An offer the agency sent was accepted or declined; the event's code is the new status.</summary>
    public const string OfferAnswered = "offer-answered";

    /// <summary>An offer the agency sent or received was not answered in time (a pass).</summary>
    public const string OfferExpired = "offer-expired";

    /// <summary>A task landed on the agency's list; the event's code is its <see cref="TaskKinds"/> kind.</summary>
    public const string TaskDue = "task-due";

    /// <summary>A case the agency leads was handed to the coordinators; the event's code is the reason.</summary>
    public const string CaseEscalated = "case-escalated";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(OfferReceived, OfferAnswered, OfferExpired, TaskDue, CaseEscalated);
}
