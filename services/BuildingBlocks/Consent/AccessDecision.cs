namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>Permit or deny for one category of a person's data, one purpose, one agency; with the consent that decided and why.</summary>
public sealed record AccessDecision(string Decision, Guid? ConsentId, string Reason)
{
    public const string PermitWord = "permit";
    public const string DenyWord = "deny";

    public bool Permitted => Decision == PermitWord;

    public static AccessDecision Permit(Guid consentId) => new(PermitWord, consentId, "consent-permits");

    public static AccessDecision Deny(string reason, Guid? consentId = null) => new(DenyWord, consentId, reason);
}

/// <summary>Why a read was denied, as codes (API.md: decisions carry a reason).</summary>
public static class DenyReasons
{
    public const string NotParticipating = "agency-not-participating";
    public const string NoConsent = "no-consent";
    public const string NotCovered = "category-or-purpose-not-covered";
    public const string Revoked = "consent-revoked";
    public const string Expired = "consent-expired";
}
