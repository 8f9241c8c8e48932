using ReferralNet.Contracts.Codes;

namespace ReferralNet.Contracts;

/// <summary>An offer was taken back: by the sender, or by the network when consent was revoked or the case closed (<see cref="Reason"/>).</summary>
public sealed record HandoffWithdrawn(
    Guid HandoffId, Guid CaseId, Guid FromAgencyId, Guid ToAgencyId, DateTimeOffset OccurredAt, string Reason = WithdrawReasons.BySender);
