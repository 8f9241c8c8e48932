namespace ReferralNet.Intake.Features.SharedCase;

/// <summary>
/// By when a case waits for someone. What other services announce — an offer's answer by its <c>respondBy</c>, first
/// contact after an accept by its <c>contactBy</c>, the plan's next review — is kept in <c>case_deadlines</c> until
/// settled; intake's own waits are read from its tables: an agency waiting for admission or a key person asked for
/// (Intake:AdmitWithin after the asking), a young person who asked for help themself (Intake:DeskContactWithin after).
/// </summary>
public static class CaseDeadlines
{
    /// <summary>SQL: the case aliased <c>c</c> was opened by its young person, who waits for the intake desk to reach them.</summary>
    public const string AskedForHelpAndWaiting = $"""
        c.status = '{CaseStatuses.AwaitingConsent}'
        AND EXISTS (SELECT 1 FROM referrals s WHERE s.case_id = c.id AND s.source = '{ReferralSources.Self}')
        """;

    private const string Await = """
        INSERT INTO case_deadlines (case_id, ref_id, kind, agency_id, due_at, settled, announced_at)
        VALUES (@CaseId, @RefId, @Kind, @AgencyId, @DueAt, false, @AnnouncedAt)
        ON CONFLICT (case_id, ref_id, kind) DO UPDATE SET agency_id = EXCLUDED.agency_id, due_at = EXCLUDED.due_at, announced_at = EXCLUDED.announced_at
        WHERE case_deadlines.announced_at IS NULL OR case_deadlines.announced_at <= EXCLUDED.announced_at
        """;

    /// <summary>Who is to contact the young person of the case, by when: first contacts due, and the intake desk's for a self-referral.</summary>
    private const string ContactsDue = $"""
        SELECT d.agency_id AS AgencyId, d.due_at AS By FROM case_deadlines d
        WHERE d.case_id = @CaseId AND d.kind = '{TaskKinds.MakeFirstContact}' AND NOT d.settled AND d.agency_id IS NOT NULL AND d.due_at IS NOT NULL
        UNION ALL
        SELECT c.lead_agency_id, c.opened_at + @DeskContactWithin FROM cases c
        WHERE c.id = @CaseId AND {AskedForHelpAndWaiting}
        ORDER BY By
        """;

    private const string Settle = """
        INSERT INTO case_deadlines (case_id, ref_id, kind, due_at, settled)
        SELECT @CaseId, @RefId, kind, NULL, true FROM unnest(CAST(@Kinds AS text[])) AS kind
        ON CONFLICT (case_id, ref_id, kind) DO UPDATE SET settled = true
        """;

    /// <summary>The waits a handoff may leave on its case.</summary>
    public static readonly string[] OfHandoff = [TaskKinds.AnswerOffer, TaskKinds.MakeFirstContact];

    /// <summary>
    /// SQL of the next due of the case aliased <c>c</c> (null when it waits for no one), with the parameters
    /// <c>@AdmitWithin</c> and <c>@DeskContactWithin</c>.
    /// </summary>
    public const string NextDueOfCase = $"""
        LEAST(
            (SELECT min(d.due_at) FROM case_deadlines d WHERE d.case_id = c.id AND NOT d.settled),
            (SELECT min(w.requested_at) FROM pending_referrals w
             WHERE w.case_id = c.id AND w.status = '{ReferralStatuses.AwaitingAdmission}') + @AdmitWithin,
            (SELECT min(k.requested_at) FROM key_person_change_requests k WHERE k.case_id = c.id) + @AdmitWithin,
            CASE WHEN {AskedForHelpAndWaiting} THEN c.opened_at + @DeskContactWithin END)
        """;

    /// <summary>
    /// The case waits for <paramref name="agencyId"/> (or its team) to do <paramref name="kind"/> about
    /// <paramref name="refId"/> by <paramref name="dueAt"/>, as announced at <paramref name="announcedAt"/>, unless that
    /// was settled already or announced later.
    /// </summary>
    public static Task AwaitAsync(
        UnitOfWork work, Guid caseId, Guid refId, string kind, Guid? agencyId, DateTimeOffset dueAt, DateTimeOffset announcedAt, CancellationToken ct) =>
        work.ExecuteAsync(Await, new { CaseId = caseId, RefId = refId, Kind = kind, AgencyId = agencyId, DueAt = dueAt, AnnouncedAt = announcedAt }, ct);

    /// <summary>Who will contact the case's young person, by when, soonest first.</summary>
    public static async Task<IReadOnlyList<ContactDue>> ContactsDueAsync(UnitOfWork work, Guid caseId, TimeSpan deskContactWithin, CancellationToken ct) =>
        [.. await work.QueryAsync<ContactDue>(ContactsDue, new { CaseId = caseId, DeskContactWithin = deskContactWithin }, ct)];

    /// <summary>The case waits no longer for <paramref name="kinds"/> about <paramref name="refId"/>, even if told so later.</summary>
    public static Task SettleAsync(UnitOfWork work, Guid caseId, Guid refId, string[] kinds, CancellationToken ct) =>
        work.ExecuteAsync(Settle, new { CaseId = caseId, RefId = refId, Kinds = kinds }, ct);
}

/// <summary>An agency that is to contact the young person, and by when.</summary>
public sealed record ContactDue(Guid AgencyId, DateTimeOffset By);
