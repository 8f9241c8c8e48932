namespace ReferralNet.Contracts.Codes;

/// <summary>Where a proposal to merge two cases of different agencies stands (API-v2, "Merging two cases").</summary>
public static class MergeProposalStatuses
{
    public const string AwaitingConfirmation = "awaiting-confirmation";
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
}
