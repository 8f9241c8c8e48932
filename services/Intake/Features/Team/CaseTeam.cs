using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.Team;

/// <summary>An agency of the case's team: its standing, since when, and how it came in (null while pending).</summary>
public sealed record TeamMember(Guid AgencyId, string Standing, DateTimeOffset Since, string? JoinedBy);

/// <summary>The key person (主担当者): a worker of a lead or member agency, named by the lead (KeyPersonEndpoints).</summary>
public sealed record KeyPerson(Guid AgencyId, string DisplayName);

/// <summary>The young person asked for another key person (KeyPersonEndpoints): when, and what they wrote, for their team.</summary>
public sealed record KeyPersonChangeAsked(DateTimeOffset RequestedAt, string? Note);

public sealed record TeamView(
    Guid CaseId, string CaseReference, IReadOnlyList<TeamMember> Members, KeyPerson? KeyPerson, KeyPersonChangeAsked? KeyPersonChangeRequest);

/// <summary>
/// Who is on a young person's team (API-v3 §1): the lead, the members — the agencies the consent projection says take
/// part (the one participation rule every service reads) — and the pending agencies whose referrals wait for
/// admission. Ending a standing goes through here, so the projection, the timeline and the network hear of it together.
/// </summary>
public static class CaseTeam
{
    private const string ReadMembers = $"""
        SELECT p.agency_id AS AgencyId,
               CASE WHEN p.agency_id = c.lead_agency_id THEN '{Standings.Lead}' ELSE '{Standings.Member}' END AS Standing,
               COALESCE(p.joined_at, p.changed_at) AS Since, p.joined_by AS JoinedBy
        FROM case_participation p JOIN cases c ON c.id = p.case_id
        WHERE p.case_id = @CaseId AND p.ended_at IS NULL
        UNION ALL
        SELECT r.from_agency_id, '{Standings.Pending}', min(r.requested_at), NULL
        FROM pending_referrals r
        WHERE r.case_id = @CaseId AND r.status = '{ReferralStatuses.AwaitingAdmission}'
        GROUP BY r.from_agency_id
        ORDER BY 3, 1
        """;

    private const string ReadCase = "SELECT id, person_id AS PersonId, status, lead_agency_id AS LeadAgencyId FROM cases WHERE id = @CaseId";

    private const string ReadKeyPerson = """
        SELECT key_person_agency_id AS AgencyId, key_person_name AS DisplayName FROM cases WHERE id = @CaseId AND key_person_agency_id IS NOT NULL
        """;

    private const string ReadChangeRequest = "SELECT requested_at AS RequestedAt, note FROM key_person_change_requests WHERE case_id = @CaseId";

    private const string EscalationStanding = $"""
        SELECT EXISTS (SELECT 1 FROM case_participation
                       WHERE case_id = @CaseId AND agency_id = @AgencyId AND ended_at IS NULL AND joined_by = '{JoinedBy.Escalation}')
        """;

    private const string RecordRemoval = $"""
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        VALUES (@CaseId, @At, '{TimelineKinds.MemberRemoved}', @AgencyId, NULL, @Reason)
        """;

    public sealed class CaseRow
    {
        public Guid Id { get; init; }
        public Guid PersonId { get; init; }
        public string Status { get; init; } = "";
        public Guid? LeadAgencyId { get; init; }

        /// <summary>The lead agency's worker, or the young person with their full token: who decides who joins.</summary>
        public bool MayAdmit(Caller caller) => caller.IsWorkerOf(LeadAgencyId ?? Guid.Empty) || (caller.IsYouth(PersonId) && !caller.IsLimitedYouth);

        /// <summary>Lead or member of the case, or the young person it is about: who may see its team.</summary>
        public bool MaySeeTeam(Caller caller, ConsentIndex participation) =>
            caller.IsYouth(PersonId) || (caller.Role == Roles.Worker && caller.AgencyId is { } agency && participation.TakesPart(Id, agency));
    }

    public static Task<CaseRow?> FindAsync(UnitOfWork work, Guid caseId, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<CaseRow>(ReadCase, new { CaseId = caseId }, ct);

    /// <summary>The team; its key person only while their agency is still lead or member (one that left names none).</summary>
    public static async Task<TeamView> ReadAsync(UnitOfWork work, Guid caseId, CancellationToken ct)
    {
        var members = (await work.QueryAsync<MemberRow>(ReadMembers, new { CaseId = caseId }, ct))
            .Select(m => new TeamMember(m.AgencyId, m.Standing, m.Since, m.JoinedBy)).ToList();
        var keyPerson = await work.QuerySingleOrDefaultAsync<KeyPersonRow>(ReadKeyPerson, new { CaseId = caseId }, ct);
        var changeRequest = await work.QuerySingleOrDefaultAsync<ChangeRequestRow>(ReadChangeRequest, new { CaseId = caseId }, ct);
        return new(caseId, CaseReference.Of(caseId), members,
            keyPerson is not null && members.Any(m => m.AgencyId == keyPerson.AgencyId && m.Standing != Standings.Pending)
                ? new KeyPerson(keyPerson.AgencyId, keyPerson.DisplayName)
                : null,
            changeRequest is null ? null : new KeyPersonChangeAsked(changeRequest.RequestedAt, changeRequest.Note));
    }

    /// <summary>
    /// Ends the agency's standing in the case at <paramref name="at"/>: in this service's projection at once, on the
    /// case's timeline, and for every other service (TeamMemberRemoved), as a revocation would.
    /// </summary>
    public static async Task EndAsync(
        UnitOfWork work, ConsentIndex participation, CaseRow found, Guid agencyId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        await ConsentProjection.LeaveAsync(work, participation, found.Id, agencyId, at, at, ct);
        await work.ExecuteAsync(RecordRemoval, new { CaseId = found.Id, At = at, AgencyId = agencyId, Reason = reason }, ct);
        work.Publish(new TeamMemberRemoved(found.Id, found.PersonId, agencyId, reason, at));
    }

    /// <summary>
    /// A coordinator gave the escalation to another agency: the earlier assignee leaves the team when that assignment
    /// was all that brought it in (an agency that was a member before keeps its standing).
    /// </summary>
    public static async Task EndEscalationStandingAsync(
        UnitOfWork work, ConsentIndex participation, Guid caseId, Guid agencyId, DateTimeOffset at, CancellationToken ct)
    {
        if (await FindAsync(work, caseId, ct) is { } found
            && await work.QuerySingleAsync<bool>(EscalationStanding, new { CaseId = caseId, AgencyId = agencyId }, ct))
        {
            await EndAsync(work, participation, found, agencyId, TeamRemovalReasons.EscalationReassigned, at, ct);
        }
    }

    private sealed class ChangeRequestRow
    {
        public DateTimeOffset RequestedAt { get; init; }
        public string? Note { get; init; }
    }

    private sealed class KeyPersonRow
    {
        public Guid AgencyId { get; init; }
        public string DisplayName { get; init; } = "";
    }

    private sealed class MemberRow
    {
        public Guid AgencyId { get; init; }
        public string Standing { get; init; } = "";
        public DateTimeOffset Since { get; init; }
        public string? JoinedBy { get; init; }
    }
}
