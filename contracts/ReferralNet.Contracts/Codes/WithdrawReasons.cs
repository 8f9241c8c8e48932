namespace ReferralNet.Contracts.Codes;

/// <summary>Why an offer was withdrawn.</summary>
public static class WithdrawReasons
{
    public const string BySender = "by-sender";
    public const string ConsentRevoked = "consent-revoked";
    public const string CaseClosed = "case-closed";
}
