namespace ReferralNet.Consent.Features;

/// <summary>
/// Who may act on a person's consents. The young person on their own; a worker only while their agency takes part in
/// a case of the person; an auditor reads, and each read is logged to the person. Nobody else: not a coordinator,
/// not an agency admin, not an agency outside the person's cases.
/// </summary>
public sealed class ConsentAuthority(ConsentIndex participation, IOptions<ParticipationOptions> options, TimeProvider time)
{
    /// <summary>Give or revoke: the young person, or a worker of a participating agency.</summary>
    public async Task<bool> MayManageAsync(UnitOfWork work, Caller caller, Guid personId, CancellationToken ct)
    {
        if (caller.IsYouth(personId))
        {
            return true;
        }
        if (caller.Role != Roles.Worker || caller.AgencyId is not { } agencyId)
        {
            return false;
        }
        // The index answers almost always; the tables answer for a referral this service committed a moment ago
        // (a worker records consent right after referring) whose participation the index is still applying.
        return participation.TakesPartInCaseOf(personId, agencyId)
            || await work.QuerySingleAsync<bool>(ConsentProjection.TakesPartInCaseOfPerson, new
            {
                PersonId = personId, AgencyId = agencyId, ShutOutBefore = time.GetUtcNow() - options.Value.ClosedCaseReadableFor,
            }, ct);
    }

    /// <summary>Read consents and receipts: those who may manage them, and auditors.</summary>
    public async Task<bool> MayReadAsync(UnitOfWork work, Caller caller, Guid personId, CancellationToken ct) =>
        caller.IsAuditor || await MayManageAsync(work, caller, personId, ct);

    /// <summary>
    /// Logs a read of the person's consent records by staff, in the reading transaction: the young person sees every
    /// agency and auditor that looked. Their own reads are not logged.
    /// </summary>
    public Task RecordReadAsync(UnitOfWork work, Caller caller, Guid personId, string record, CancellationToken ct) =>
        caller.Role == Roles.Youth
            ? Task.CompletedTask
            : PersonAccessLog.RecordAsync(work, new PersonAccessLog.Entry(
                personId, AccessLogKinds.Read, caller.AgencyId, caller.UserId, caller.Role, record,
                caller.IsAuditor ? ConsentRecords.AuditPurpose : ConsentPurposes.Coordination, AccessDecisions.Permit,
                time.GetUtcNow()), ct);
}

/// <summary>The consent service's own entries in a person's access log (the services' reads arrive as CaseDataAccessed).</summary>
public static class PersonAccessLog
{
    public sealed record Entry(
        Guid PersonId, string Kind, Guid? AgencyId, string UserId, string Role, string Category, string Purpose, string Decision,
        DateTimeOffset At);

    public static Task RecordAsync(UnitOfWork work, Entry entry, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO access_log (message_id, person_id, case_id, agency_id, user_id, role, kind, category, purpose, decision, at)
            VALUES (@Id, @PersonId, NULL, @AgencyId, @UserId, @Role, @Kind, @Category, @Purpose, @Decision, @At)
            """,
            new
            {
                Id = Guid.CreateVersion7(), entry.PersonId, entry.AgencyId, entry.UserId, entry.Role, entry.Kind, entry.Category,
                entry.Purpose, entry.Decision, entry.At,
            }, ct);

    /// <summary>An event of the young person's own sign-in: by whoever held the code or the passphrase.</summary>
    public static Task RecordOwnAsync(
        UnitOfWork work, Guid personId, string kind, string means, string decision, DateTimeOffset at, CancellationToken ct) =>
        RecordAsync(work, new Entry(personId, kind, AgencyId: null, YouthTokens.SubjectOf(personId), Roles.Youth, means,
            ConsentRecords.OwnAccessPurpose, decision, at), ct);
}
