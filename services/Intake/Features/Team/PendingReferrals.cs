using ReferralNet.Intake.Features.OpenReferral;
using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.Team;

/// <summary>
/// Referrals from agencies outside the person's open case (API-v3 §1): a name and a birth date must not be a way into
/// somebody's case. The referral waits, its agency is <c>pending</c> and sees nothing of the case; the lead (a task) and
/// the young person (their page) are asked. Admitted, each waiting referral of the agency lands on the case as any
/// referral does and the agency is a member; not admitted, they end and the agency reads only that.
/// </summary>
public static class PendingReferrals
{
    private const string Store = $"""
        INSERT INTO pending_referrals (id, case_id, person_id, from_agency_id, submitted_by, source, needs, urgency, preferences,
                                       summary, age_years, municipality, status, requested_at)
        VALUES (@ReferralId, @CaseId, @PersonId, @AgencyId, @SubmittedBy, @Source, @Needs, @Urgency, @Preferences,
                @Summary, @AgeYears, @Municipality, '{ReferralStatuses.AwaitingAdmission}', @At);
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT @CaseId, @At, '{TimelineKinds.AdmissionRequested}', @AgencyId, NULL, NULL
        WHERE NOT EXISTS (SELECT 1 FROM pending_referrals
                          WHERE case_id = @CaseId AND from_agency_id = @AgencyId AND status = '{ReferralStatuses.AwaitingAdmission}'
                            AND id <> @ReferralId)
        """;

    private const string Decide = $"""
        UPDATE pending_referrals SET status = @Status, decided_at = @Now
        WHERE case_id = @CaseId AND from_agency_id = @AgencyId AND status = '{ReferralStatuses.AwaitingAdmission}'
        RETURNING id AS ReferralId, case_id AS CaseId, person_id AS PersonId, from_agency_id AS AgencyId, submitted_by AS SubmittedBy,
                  source, needs, urgency, preferences, summary, age_years AS AgeYears, municipality
        """;

    private const string RecordDecision = """
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail) VALUES (@CaseId, @At, @Kind, @AgencyId, NULL, NULL)
        """;

    /// <summary>Keeps the referral waiting for admission; the case's timeline notes the request once per agency.</summary>
    public static Task StoreAsync(UnitOfWork work, LandingReferral referral, CancellationToken ct) =>
        work.ExecuteAsync(Store, new
        {
            referral.ReferralId, referral.CaseId, referral.PersonId, referral.AgencyId, referral.SubmittedBy, referral.Source,
            referral.Needs, referral.Urgency, referral.Preferences, referral.Summary, referral.AgeYears, referral.Municipality, referral.At,
        }, ct);

    /// <summary>Admits the agency: its waiting referrals land on the case now. False when none was waiting.</summary>
    public static async Task<bool> AdmitAsync(UnitOfWork work, ConsentIndex participation, Guid caseId, Guid agencyId, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await DecideAsync(work, caseId, agencyId, ReferralStatuses.Submitted, TimelineKinds.MemberAdmitted, now, ct);
        foreach (var referral in waiting)
        {
            await CaseReferrals.LandAsync(work, participation, new LandingReferral(
                referral.ReferralId, referral.CaseId, referral.PersonId, referral.AgencyId, referral.SubmittedBy, referral.Source,
                referral.Needs, referral.Urgency, referral.Preferences, referral.Summary, referral.AgeYears, referral.Municipality, now),
                openedWithStatus: null, ct, JoinedBy.Admitted);
        }
        return waiting.Count > 0;
    }

    /// <summary>Does not admit the agency: its waiting referrals end, and it is told so by their status. False when none was waiting.</summary>
    public static async Task<bool> DeclineAsync(UnitOfWork work, Guid caseId, Guid agencyId, DateTimeOffset now, CancellationToken ct) =>
        (await DecideAsync(work, caseId, agencyId, ReferralStatuses.NotAdmitted, TimelineKinds.AdmissionDeclined, now, ct)).Count > 0;

    private static async Task<IReadOnlyList<WaitingReferral>> DecideAsync(
        UnitOfWork work, Guid caseId, Guid agencyId, string status, string timelineKind, DateTimeOffset now, CancellationToken ct)
    {
        var decided = (await work.QueryAsync<WaitingReferral>(Decide, new { CaseId = caseId, AgencyId = agencyId, Status = status, Now = now }, ct)).ToList();
        if (decided.Count > 0)
        {
            await work.ExecuteAsync(RecordDecision, new { CaseId = caseId, At = now, Kind = timelineKind, AgencyId = agencyId }, ct);
        }
        return decided;
    }

    private sealed class WaitingReferral
    {
        public Guid ReferralId { get; init; }
        public Guid CaseId { get; init; }
        public Guid PersonId { get; init; }
        public Guid AgencyId { get; init; }
        public string SubmittedBy { get; init; } = "";
        public string Source { get; init; } = "";
        public IReadOnlyList<string> Needs { get; init; } = [];
        public string Urgency { get; init; } = "";
        public ReferralPreferences Preferences { get; init; } = ReferralPreferences.None;
        public string Summary { get; init; } = "";
        public int? AgeYears { get; init; }
        public string? Municipality { get; init; }
    }
}
