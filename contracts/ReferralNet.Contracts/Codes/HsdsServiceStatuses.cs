namespace ReferralNet.Contracts.Codes;

/// <summary>A service's status in Open Referral HSDS 3.0; only an active one takes referrals (<see cref="ServiceStatuses"/>).</summary>
public static class HsdsServiceStatuses
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Defunct = "defunct";
    public const string TemporarilyClosed = "temporarily closed";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Active, Inactive, Defunct, TemporarilyClosed);
}
