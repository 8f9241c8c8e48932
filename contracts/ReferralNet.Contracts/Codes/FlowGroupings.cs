namespace ReferralNet.Contracts.Codes;

/// <summary>How <c>GET /api/insights/flow</c> groups the agencies at either end of a handoff (<c>by=</c>).</summary>
public static class FlowGroupings
{
    public const string AgencyKind = "agency-kind";
    public const string Agency = "agency";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(AgencyKind, Agency);
}
