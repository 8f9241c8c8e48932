namespace ReferralNet.BuildingBlocks.Auth;

public static class Roles
{
    public const string Worker = "worker";
    public const string AgencyAdmin = "agency-admin";
    public const string Coordinator = "coordinator";
    public const string Youth = "youth";

    /// <summary>A data-protection officer: reads a person's consents and access log; each read is logged to the person.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Worker, AgencyAdmin, Coordinator, Youth, Auditor]);
}
