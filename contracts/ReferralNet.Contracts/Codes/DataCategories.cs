namespace ReferralNet.Contracts.Codes;

/// <summary>The kinds of a young person's data a consent covers one by one.</summary>
public static class DataCategories
{
    public const string Identity = "identity";
    public const string Contact = "contact";
    public const string NeedsSummary = "needs-summary";
    public const string CaseNotes = "case-notes";
    public const string Health = "health";
    public const string Education = "education";

    /// <summary>The support plan, its reviews and follow-ups (API-v3 §4); the young person always sees their own.</summary>
    public const string SupportPlan = "support-plan";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Identity, Contact, NeedsSummary, CaseNotes, Health, Education, SupportPlan);

    /// <summary>What a receipt marks as sensitive (APPI special care-required information and the workers' own words).</summary>
    public static readonly IReadOnlySet<string> Sensitive = CodeSet.Of(Health, CaseNotes);
}
