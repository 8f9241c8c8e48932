namespace ReferralNet.Contracts.Codes;

/// <summary>Who made a referral: only an agency worker's own referral is made with the young person.</summary>
public static class ReferralSources
{
    public const string AgencyWorker = "agency-worker";
    public const string School = "school";
    public const string Parent = "parent";
    public const string Self = "self";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(AgencyWorker, School, Parent, Self);
}
