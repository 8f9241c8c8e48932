namespace ReferralNet.Contracts;

/// <summary>
/// The follow-up after a case closed found <see cref="Result"/> (<c>FollowUpResults</c>). <c>needs-help-again</c>
/// reopens the case in intake, or joins the person's other open case.
/// </summary>
public sealed record FollowUpRecorded(Guid FollowUpId, Guid CaseId, Guid PersonId, Guid AgencyId, string Result, DateTimeOffset OccurredAt);
