namespace ReferralNet.Contracts;

/// <summary>
/// A case closed: by its lead agency with a reason, or as the merged side of a merge (<c>merged</c>). The lead at
/// closing keeps read access; the other participants' part in the case ends after the network's read window.
/// </summary>
public sealed record CaseClosed(Guid CaseId, Guid PersonId, Guid? LeadAgencyId, string Reason, DateTimeOffset OccurredAt);
