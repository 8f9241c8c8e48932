namespace ReferralNet.Contracts.Codes;

/// <summary>The claims of ReferralNet's tokens: who (sub), in which role, for which agency or young person.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Issuer = "iss";
    public const string Role = "role";
    public const string Agency = "agency";
    public const string Person = "person";

    /// <summary>What a youth token may do (<see cref="YouthTokenScopes"/>).</summary>
    public const string Scope = "scope";

    /// <summary>When the code a youth token was exchanged for was issued (ms since the epoch): a re-issued code ends it.</summary>
    public const string CodeIssued = "code_issued";

    /// <summary>When the reset a limited youth token waits on was asked for (ms since the epoch): a cancelled reset ends it.</summary>
    public const string ResetRequested = "reset_requested";
}
