namespace ReferralNet.BuildingBlocks.Auth;

public static class Roles
{
    public const string Worker = "worker";
    public const string AgencyAdmin = "agency-admin";
    public const string Coordinator = "coordinator";
    public const string Youth = "youth";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Worker, AgencyAdmin, Coordinator, Youth]);
}
