namespace ReferralNet.Contracts;

/// <summary>
/// A coordinator gave an escalated case to an agency of the directory: it takes part in the case and becomes its lead
/// (intake announces the new lead as <see cref="CaseLeadChanged"/>). <see cref="PreviousAgencyId"/> is the agency the
/// escalation was given to before, if any: intake ends its standing when that assignment gave it
/// (<see cref="TeamMemberRemoved"/>).
/// </summary>
public sealed record EscalationAssigned(Guid EscalationId, Guid CaseId, Guid AgencyId, DateTimeOffset OccurredAt, Guid? PreviousAgencyId = null);
