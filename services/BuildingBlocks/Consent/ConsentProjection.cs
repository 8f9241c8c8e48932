
namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// The projection's writes. Deliveries may repeat or come out of order: a grant never changes the status of a row that
/// exists (a late grant fills in the details of the tombstone a revocation that arrived first left, and the consent
/// stays revoked), a revocation always wins, and an expiry never turns a revocation back into anything else.
/// </summary>
public static class ConsentProjection
{
    private const string ParticipantsOfCase =
        "SELECT agency_id AS AgencyId, change_txid AS Version FROM case_participation WHERE case_id = @CaseId AND ended_at IS NULL";

    private const string Columns = """
        consent_id AS ConsentId, person_id AS PersonId, purposes, categories, scope, agency_ids AS AgencyIds,
        valid_until AS ValidUntil, status, change_txid AS Version
        """;

    public static Task GrantAsync(UnitOfWork work, ConsentGranted granted, DateTimeOffset now, CancellationToken ct) =>
        work.ExecuteAsync(
            $"""
            INSERT INTO consent_projection (consent_id, person_id, purposes, categories, scope, agency_ids, valid_until, status, changed_at)
            VALUES (@ConsentId, @PersonId, @Purposes, @Categories, @Scope, @AgencyIds, @ValidUntil, '{ConsentStatuses.Active}', @Now)
            ON CONFLICT (consent_id) DO UPDATE SET
                purposes = EXCLUDED.purposes, categories = EXCLUDED.categories, scope = EXCLUDED.scope,
                agency_ids = EXCLUDED.agency_ids, valid_until = EXCLUDED.valid_until, changed_at = EXCLUDED.changed_at,
                change_txid = txid_current()
            WHERE consent_projection.purposes = '[]'
            """,
            new
            {
                granted.ConsentId, granted.PersonId, granted.Purposes,
                granted.Categories, granted.Scope,
                granted.AgencyIds, granted.ValidUntil, Now = now,
            }, ct);

    /// <summary>Ends a consent; if its grant has not arrived yet, leaves a tombstone the grant cannot overwrite.</summary>
    public static Task EndAsync(UnitOfWork work, Guid consentId, Guid personId, string status, DateTimeOffset at, DateTimeOffset now, CancellationToken ct) =>
        work.ExecuteAsync(
            $"""
            INSERT INTO consent_projection (consent_id, person_id, purposes, categories, scope, agency_ids, valid_until, status, changed_at)
            VALUES (@ConsentId, @PersonId, '[]', '[]', '{ConsentScopes.Network}', '[]', @At, @Status, @Now)
            ON CONFLICT (consent_id) DO UPDATE SET
                status = CASE WHEN consent_projection.status = '{ConsentStatuses.Revoked}' THEN '{ConsentStatuses.Revoked}' ELSE @Status END,
                changed_at = @Now, change_txid = txid_current()
            """, new { ConsentId = consentId, PersonId = personId, Status = status, At = at, Now = now }, ct);

    public static async Task<ConsentEntry> ReadAsync(UnitOfWork work, Guid consentId, CancellationToken ct) =>
        (await work.QuerySingleOrDefaultAsync<ConsentRow>($"SELECT {Columns} FROM consent_projection WHERE consent_id = @Id", new { Id = consentId }, ct))!
        .ToEntry();

    /// <summary>
    /// What a referral tells every projection: the case belongs to the person, and the referring agency takes part in
    /// it (<paramref name="joinedBy"/>: a referral, or an admission to the team). Written in the caller's transaction;
    /// the index learns it when that commits.
    /// </summary>
    public static async Task RecordReferralAsync(
        UnitOfWork work, ConsentIndex index, Guid caseId, Guid personId, Guid agencyId, DateTimeOffset at, CancellationToken ct,
        string joinedBy = JoinedBy.Referral)
    {
        // Both rows in one round trip: this runs on every referral in several services.
        var joined = await work.QuerySingleAsync<Joined>(
            $"{LinkCase};\n{Join}", new { CaseId = caseId, PersonId = personId, AgencyId = agencyId, JoinedBy = joinedBy, At = at, Now = at }, ct);
        work.AfterCommit(() =>
        {
            index.ApplyCase(caseId, personId);
            index.ApplyParticipant(caseId, agencyId, joined.TakesPart, joined.Version);
        });
    }

    /// <summary>
    /// What a merge tells every projection: the agencies of the merged case take part in the case that carries on.
    /// The index learns the joined agencies when the caller's transaction commits.
    /// </summary>
    public static async Task MergeAsync(UnitOfWork work, ConsentIndex index, CasesMerged merged, DateTimeOffset now, CancellationToken ct)
    {
        var ids = new { merged.CaseId, merged.MergedCaseId, merged.PersonId, Now = now };
        await work.ExecuteAsync(
            $"""
            {LinkCase};
            INSERT INTO case_participation (case_id, agency_id, changed_at, joined_at, joined_by)
            SELECT @CaseId, agency_id, @Now, joined_at, joined_by FROM case_participation WHERE case_id = @MergedCaseId AND ended_at IS NULL
            ON CONFLICT (case_id, agency_id) DO UPDATE SET ended_at = NULL, changed_at = EXCLUDED.changed_at, change_txid = txid_current()
            WHERE case_participation.ended_at IS NOT NULL
            """, ids, ct);
        var joined = (await work.QueryAsync<(Guid AgencyId, long Version)>(ParticipantsOfCase, ids, ct)).ToList();
        work.AfterCommit(() =>
        {
            index.ApplyCase(merged.CaseId, merged.PersonId);
            joined.ForEach(agency => index.ApplyParticipant(merged.CaseId, agency.AgencyId, takesPart: true, agency.Version));
        });
    }

    /// <summary>
    /// What a closing tells every projection: when, and which agency led then. Also when the closing arrives before
    /// the referral that linked the case (deliveries come in any order): the link is made here and kept.
    /// </summary>
    public static async Task CloseAsync(UnitOfWork work, ConsentIndex index, CaseClosed closed, DateTimeOffset now, CancellationToken ct)
    {
        // A reopening later than this closing (delivered first) keeps the case open.
        var applied = await work.ExecuteAsync(
            """
            INSERT INTO case_persons (case_id, person_id, changed_at, closed_at, closed_lead_agency_id)
            VALUES (@CaseId, @PersonId, @Now, @OccurredAt, @LeadAgencyId)
            ON CONFLICT (case_id) DO UPDATE SET closed_at = EXCLUDED.closed_at, closed_lead_agency_id = EXCLUDED.closed_lead_agency_id,
                changed_at = EXCLUDED.changed_at, change_txid = txid_current()
            WHERE case_persons.reopened_at IS NULL OR case_persons.reopened_at < EXCLUDED.closed_at
            """, new { closed.CaseId, closed.PersonId, closed.OccurredAt, closed.LeadAgencyId, Now = now }, ct);
        work.AfterCommit(() =>
        {
            index.ApplyCase(closed.CaseId, closed.PersonId);
            if (applied > 0)
            {
                index.ApplyClosing(closed.CaseId, new CaseClosing(closed.OccurredAt, closed.LeadAgencyId));
            }
        });
    }

    /// <summary>
    /// What a reopening tells every projection: the closing is over, so the team takes part as before it. A closing
    /// later than the reopening (delivered first) stays.
    /// </summary>
    public static async Task ReopenAsync(UnitOfWork work, ConsentIndex index, CaseReopened reopened, DateTimeOffset now, CancellationToken ct)
    {
        var applied = await work.ExecuteAsync(
            """
            INSERT INTO case_persons (case_id, person_id, changed_at, reopened_at) VALUES (@CaseId, @PersonId, @Now, @OccurredAt)
            ON CONFLICT (case_id) DO UPDATE SET closed_at = NULL, closed_lead_agency_id = NULL, reopened_at = EXCLUDED.reopened_at,
                changed_at = EXCLUDED.changed_at, change_txid = txid_current()
            WHERE case_persons.closed_at IS NULL OR case_persons.closed_at <= EXCLUDED.reopened_at
            """, new { reopened.CaseId, reopened.PersonId, reopened.OccurredAt, Now = now }, ct);
        work.AfterCommit(() =>
        {
            index.ApplyCase(reopened.CaseId, reopened.PersonId);
            if (applied > 0)
            {
                index.ApplyClosing(reopened.CaseId, null);
            }
        });
    }

    /// <summary>
    /// The agency takes part in the case from <paramref name="at"/> (the event's time), unless its standing ended after
    /// that (an end delivered before an earlier join stays an end). The index learns the result when the caller's
    /// transaction commits.
    /// </summary>
    public static async Task JoinAsync(
        UnitOfWork work, ConsentIndex index, Guid caseId, Guid agencyId, string joinedBy, DateTimeOffset at, DateTimeOffset now, CancellationToken ct)
    {
        var joined = await work.QuerySingleAsync<Joined>(Join, new { CaseId = caseId, AgencyId = agencyId, JoinedBy = joinedBy, At = at, Now = now }, ct);
        work.AfterCommit(() => index.ApplyParticipant(caseId, agencyId, joined.TakesPart, joined.Version));
    }

    /// <summary>
    /// The agency's standing in the case ended at <paramref name="at"/>; a join delivered later with an earlier time
    /// does not bring it back (the row stays as a tombstone, also when the join has not arrived yet).
    /// </summary>
    public static async Task LeaveAsync(UnitOfWork work, ConsentIndex index, Guid caseId, Guid agencyId, DateTimeOffset at, DateTimeOffset now, CancellationToken ct)
    {
        // No row comes back when the agency joined again after this end: the index keeps what it knows.
        if (await work.QuerySingleOrDefaultAsync<long?>(Leave, new { CaseId = caseId, AgencyId = agencyId, At = at, Now = now }, ct) is { } version)
        {
            work.AfterCommit(() => index.ApplyParticipant(caseId, agencyId, takesPart: false, version));
        }
    }

    private const string LinkCase =
        "INSERT INTO case_persons (case_id, person_id, changed_at) VALUES (@CaseId, @PersonId, @Now) ON CONFLICT (case_id) DO NOTHING";

    // Answers whether the agency takes part afterwards: a join later than the end reopens the standing, an earlier one not.
    private const string Join = """
        INSERT INTO case_participation AS p (case_id, agency_id, changed_at, joined_at, joined_by) VALUES (@CaseId, @AgencyId, @Now, @At, @JoinedBy)
        ON CONFLICT (case_id, agency_id) DO UPDATE SET
            ended_at = CASE WHEN p.ended_at < @At THEN NULL ELSE p.ended_at END,
            joined_at = CASE WHEN p.ended_at < @At THEN @At ELSE p.joined_at END,
            joined_by = CASE WHEN p.ended_at < @At THEN @JoinedBy ELSE p.joined_by END,
            changed_at = @Now, change_txid = txid_current()
        RETURNING p.ended_at IS NULL AS TakesPart, p.change_txid AS Version
        """;

    private const string Leave = """
        INSERT INTO case_participation AS p (case_id, agency_id, changed_at, ended_at) VALUES (@CaseId, @AgencyId, @Now, @At)
        ON CONFLICT (case_id, agency_id) DO UPDATE SET
            ended_at = GREATEST(COALESCE(p.ended_at, @At), @At), changed_at = @Now, change_txid = txid_current()
        WHERE p.joined_at IS NULL OR p.joined_at <= @At
        RETURNING p.change_txid
        """;

    /// <summary>
    /// <see cref="ConsentIndex.TakesPartInCaseOf"/> read from the tables, for a decision that must also see what this
    /// service committed a moment ago and its index has not applied yet.
    /// </summary>
    public const string TakesPartInCaseOfPerson = $"""
        SELECT EXISTS (
            SELECT 1 FROM case_persons cp JOIN case_participation p ON p.case_id = cp.case_id
            WHERE cp.person_id = @PersonId AND p.agency_id = @AgencyId AND p.ended_at IS NULL AND {NotShutOut})
        """;

    /// <summary>
    /// <see cref="ConsentIndex.TakesPart"/> read from the tables, for a write that must also see a join this service
    /// committed a moment ago.
    /// </summary>
    public const string TakesPartInCase = $"""
        SELECT EXISTS (
            SELECT 1 FROM case_participation p LEFT JOIN case_persons cp ON cp.case_id = p.case_id
            WHERE p.case_id = @CaseId AND p.agency_id = @AgencyId AND p.ended_at IS NULL AND (cp.case_id IS NULL OR {NotShutOut}))
        """;

    /// <summary>
    /// <see cref="ConsentIndex.IsShutOut"/> negated, over <c>case_persons cp</c>: the case is open, or closed after
    /// <c>@ShutOutBefore</c>, or <c>@AgencyId</c> led it when it closed.
    /// </summary>
    public const string NotShutOut =
        "(cp.closed_at IS NULL OR cp.closed_lead_agency_id = @AgencyId OR cp.closed_at > @ShutOutBefore)";

    // Dialect: txid_current()/txid_snapshot_xmin are PostgreSQL's; SQL Server would use rowversion and MIN_ACTIVE_ROWVERSION().
    internal const string ConsentsChangedSince = $"SELECT {Columns} FROM consent_projection WHERE change_txid >= @Since";
    internal const string CasesChangedSince = """
        SELECT case_id AS CaseId, person_id AS PersonId, closed_at AS ClosedAt, closed_lead_agency_id AS ClosedLeadAgencyId
        FROM case_persons WHERE change_txid >= @Since
        """;
    internal const string ParticipantsChangedSince =
        "SELECT case_id, agency_id, ended_at IS NULL, change_txid FROM case_participation WHERE change_txid >= @Since";

    private sealed class Joined
    {
        public bool TakesPart { get; init; }
        public long Version { get; init; }
    }

    internal sealed class CaseRow
    {
        public Guid CaseId { get; init; }
        public Guid PersonId { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public Guid? ClosedLeadAgencyId { get; init; }
    }

    internal sealed class ConsentRow
    {
        public Guid ConsentId { get; init; }
        public Guid PersonId { get; init; }
        public IReadOnlyList<string> Purposes { get; init; } = [];
        public IReadOnlyList<string> Categories { get; init; } = [];
        public string Scope { get; init; } = "";
        public IReadOnlyList<Guid> AgencyIds { get; init; } = [];
        public DateTimeOffset ValidUntil { get; init; }
        public string Status { get; init; } = "";
        public long Version { get; init; }

        public ConsentEntry ToEntry() => new(
            ConsentId, PersonId,
            ConsentEntry.PurposeBits(Purposes), ConsentEntry.CategoryBits(Categories),
            Scope == ConsentScopes.Network, [.. AgencyIds], ValidUntil, Status, Version);
    }
}
