using ReferralNet.Intake.Features.OpenReferral;

namespace ReferralNet.Intake.Features.SharedCase;

/// <summary>A referral about to land on its case: ids, codes and the story, as a worker or the young person gave it.</summary>
public sealed record LandingReferral(
    Guid ReferralId, Guid CaseId, Guid PersonId, Guid AgencyId, string SubmittedBy, string Source, IReadOnlyList<string> Needs,
    string Urgency, ReferralPreferences Preferences, string Summary, int? AgeYears, string? Municipality, DateTimeOffset At);

/// <summary>
/// Lands a referral on its case in the caller's transaction: the referral row, the case touched (a referral is contact:
/// a dormant case wakes up, and a worker's own referral opens a case that waited for consent), the timeline, the
/// referring agency's participation, and the events.
/// </summary>
public static class CaseReferrals
{
    /// <summary>A worker's own referral is made with the young person; the other sources are made about them.</summary>
    public static string StatusOnFirstReferral(string source) =>
        source == ReferralSources.AgencyWorker ? CaseStatuses.Open : CaseStatuses.AwaitingConsent;

    private const string RecordOpened = $"""
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        VALUES (@CaseId, @At, '{TimelineKinds.CaseOpened}', @AgencyId, NULL, @Status)
        """;

    // previous and touched read one snapshot: previous is the status before this statement.
    private const string StoreReferral = $"""
        INSERT INTO referrals (id, case_id, person_id, from_agency_id, submitted_by, source, needs, urgency, preferences, summary, created_at)
        VALUES (@ReferralId, @CaseId, @PersonId, @AgencyId, @SubmittedBy, @Source, @Needs, @Urgency, @Preferences, @Summary, @At);
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        VALUES (@CaseId, @At, '{TimelineKinds.ReferralSubmitted}', @AgencyId, @ReferralId, @Source);
        WITH previous AS (SELECT status FROM cases WHERE id = @CaseId),
             touched AS (
                 UPDATE cases SET
                     status = CASE WHEN status = '{CaseStatuses.Dormant}' OR (status = '{CaseStatuses.AwaitingConsent}' AND @Source = '{ReferralSources.AgencyWorker}')
                                   THEN '{CaseStatuses.Open}' ELSE status END,
                     last_contact_at = @At, updated_at = @At
                 WHERE id = @CaseId
                 RETURNING status)
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT @CaseId, @At, '{TimelineKinds.StatusChanged}', @AgencyId, @ReferralId, touched.status
        FROM previous CROSS JOIN touched WHERE previous.status <> touched.status
        """;

    /// <param name="joinedBy">How the referring agency joins the case: by this referral, or admitted after waiting.</param>
    public static async Task LandAsync(
        UnitOfWork work, ConsentIndex consents, LandingReferral referral, string? openedWithStatus, CancellationToken ct,
        string joinedBy = JoinedBy.Referral)
    {
        await work.ExecuteAsync(openedWithStatus is null ? StoreReferral : $"{RecordOpened};\n{StoreReferral}", new
        {
            referral.ReferralId, referral.CaseId, referral.PersonId, referral.AgencyId, referral.SubmittedBy, referral.Source,
            referral.Needs, referral.Urgency, referral.Preferences,
            referral.Summary, referral.At, Status = openedWithStatus,
        }, ct);
        // Participation starts here, in this transaction, so the referring worker can read the case at once.
        await ConsentProjection.RecordReferralAsync(work, consents, referral.CaseId, referral.PersonId, referral.AgencyId, referral.At, ct, joinedBy);

        if (openedWithStatus is not null)
        {
            work.Publish(new CaseOpened(referral.CaseId, referral.PersonId, referral.AgencyId, referral.At));
        }
        var preferences = referral.Preferences;
        work.Publish(new ReferralSubmitted(
            referral.ReferralId, referral.CaseId, referral.PersonId, referral.AgencyId, referral.Source, referral.Needs, referral.Urgency,
            preferences.Modalities ?? [], preferences.RemoteFirst ?? false, preferences.Languages ?? [],
            referral.AgeYears, referral.Municipality, referral.At));
    }
}
