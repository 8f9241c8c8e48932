namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>Permit or deny for one category of a person's data, one purpose, one agency; with the consent that decided and why.</summary>
public sealed record AccessDecision(string Decision, Guid? ConsentId, string Reason)
{
    public bool Permitted => Decision == AccessDecisions.Permit;

    public static AccessDecision Permit(Guid consentId) => new(AccessDecisions.Permit, consentId, AccessDecisions.ConsentPermits);

    public static AccessDecision Deny(string reason, Guid? consentId = null) => new(AccessDecisions.Deny, consentId, reason);
}
