namespace ReferralNet.Contracts;

/// <summary>
/// A coordinator gave an escalated case to an agency: it takes part in the case and becomes its lead (intake announces
/// the new lead as <see cref="CaseLeadChanged"/>).
/// </summary>
public sealed record EscalationAssigned(Guid EscalationId, Guid CaseId, Guid AgencyId, DateTimeOffset OccurredAt);
