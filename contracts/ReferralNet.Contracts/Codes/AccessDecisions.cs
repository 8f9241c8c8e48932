namespace ReferralNet.Contracts.Codes;

/// <summary>What a consent decision answers for one category, one purpose, one agency, and why (API.md).</summary>
public static class AccessDecisions
{
    public const string Permit = "permit";
    public const string Deny = "deny";

    /// <summary>The reason of every permit.</summary>
    public const string ConsentPermits = "consent-permits";
}

/// <summary>Why a read was denied.</summary>
public static class DenyReasons
{
    public const string NotParticipating = "agency-not-participating";
    public const string NoConsent = "no-consent";
    public const string NotCovered = "category-or-purpose-not-covered";
    public const string Revoked = "consent-revoked";
    public const string Expired = "consent-expired";
}
