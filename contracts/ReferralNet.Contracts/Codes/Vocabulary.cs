namespace ReferralNet.Contracts.Codes;

/// <summary>
/// The code lists of the public contract (API.md). Events and requests carry these codes, never free text,
/// so every service validates against the same lists.
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlySet<string> Needs = Set(
        "mental-health", "social-connection", "education", "employment", "family-support",
        "developmental-assessment", "financial", "housing", "health", "safety");

    public static readonly IReadOnlySet<string> Modalities = Set("online-chat", "video", "phone", "in-person", "home-visit");

    public static readonly IReadOnlySet<string> AgencyKinds = Set(
        "school", "clinic", "welfare-office", "child-consultation-centre", "youth-support-centre", "cso",
        "employment-support", "other");

    public static readonly IReadOnlySet<string> ReferralSources = Set("agency-worker", "school", "parent", "self");

    public static readonly IReadOnlySet<string> Urgencies = Set("routine", "soon", "urgent");

    public static readonly IReadOnlySet<string> Fees = Set("free", "sliding-scale", "fee");

    public static readonly IReadOnlySet<string> ServiceStatuses = Set("active", "inactive");

    public static readonly IReadOnlySet<string> ConsentGrantors = Set("youth", "guardian", "worker-recorded");

    public static readonly IReadOnlySet<string> ConsentMethods = Set("online", "verbal", "paper");

    public static readonly IReadOnlySet<string> ConsentPurposes = Set("coordination", "service-delivery", "statistics");

    public static readonly IReadOnlySet<string> DataCategories = Set("identity", "contact", "needs-summary", "case-notes", "health", "education");

    public static readonly IReadOnlySet<string> ConsentScopes = Set("network", "agencies");

    public static readonly IReadOnlySet<string> DeclineReasons = Set("no-capacity", "not-eligible", "not-appropriate", "other");

    public static readonly IReadOnlySet<string> Outcomes = Set(
        "got-help", "partly-helped", "no-longer-needed", "could-not-contact", "declined-by-youth", "referred-elsewhere");

    public static readonly IReadOnlySet<string> CaseCloseReasons = Set(
        "got-help", "no-longer-needed", "declined-by-youth", "moved-away", "other");

    /// <summary>The reason a <c>CaseClosed</c> carries when the case was merged into another (never a request's reason).</summary>
    public const string ClosedByMerge = "merged";

    private static IReadOnlySet<string> Set(params string[] codes) => new HashSet<string>(codes, StringComparer.Ordinal);
}
