namespace ReferralNet.Contracts.Codes;

public static class ConsentStatuses
{
    public const string Active = "active";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
}
