namespace ReferralNet.Contracts.Codes;

/// <summary>Whether a service takes referrals; an inactive one is never proposed.</summary>
public static class ServiceStatuses
{
    public const string Active = "active";
    public const string Inactive = "inactive";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Active, Inactive);
}
