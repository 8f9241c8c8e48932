namespace ReferralNet.Contracts.Codes;

/// <summary>
/// The terms of the directory's own HSDS taxonomy of facts: what ReferralNet knows of a service or an organization
/// beyond the standard's fields, each an HSDS attribute whose value is the fact (a count, a code, a name).
/// </summary>
public static class DirectoryFacts
{
    /// <summary>Free places now (a whole number).</summary>
    public const string PlacesAvailable = "places-available";

    /// <summary>Places in all; 0 (or none) when the service keeps no count.</summary>
    public const string PlacesMaximum = "places-maximum";

    /// <summary>Weeks on the waiting list when no place is free.</summary>
    public const string WaitWeeks = "wait-weeks";

    /// <summary>The service's fee, a code of <see cref="Fees"/>.</summary>
    public const string Fee = "fee";

    /// <summary>The agency publishes the service to young people, who may browse it without an account (no value).</summary>
    public const string PublishedForSelfReferral = "published-for-self-referral";

    /// <summary>An organization's kind of agency, a code of <see cref="AgencyKinds"/>.</summary>
    public const string AgencyKind = "agency-kind";

    /// <summary>The municipality an organization is based in.</summary>
    public const string Municipality = "municipality";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        PlacesAvailable, PlacesMaximum, WaitWeeks, Fee, PublishedForSelfReferral, AgencyKind, Municipality);
}
