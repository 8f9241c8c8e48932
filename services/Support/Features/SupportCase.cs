namespace ReferralNet.Support.Features;

/// <summary>
/// A case as the support service knows it: whose it is, whether it closed and who referred (the consent projection),
/// a later lead and its key person's agency (intake's events). Who may read and change its plan is decided here, once:
/// the young person always sees their own; an agency must be lead or member (never pending) and covered by consent for
/// <c>support-plan</c>, each read recorded for the young person's access log.
/// </summary>
public sealed class SupportCase
{
    /// <summary>
    /// The lead of the case <c>cp</c> (with its <c>case_teams t</c>), an SQL expression: as intake announced it when it
    /// changed (CaseLeadChanged), else the agency whose referral opened the case (the projection already knows it, so
    /// no event per referral is needed for it).
    /// </summary>
    public const string Lead = $"""
        COALESCE(t.lead_agency_id, (SELECT p.agency_id FROM case_participation p
                                    WHERE p.case_id = cp.case_id AND p.joined_by = '{JoinedBy.Referral}' ORDER BY p.joined_at LIMIT 1))
        """;

    private const string Read = $"""
        SELECT cp.case_id AS CaseId, cp.person_id AS PersonId, cp.closed_at AS ClosedAt,
               {Lead} AS LeadAgencyId, t.key_person_agency_id AS KeyPersonAgencyId
        FROM case_persons cp LEFT JOIN case_teams t ON t.case_id = cp.case_id
        WHERE cp.case_id = @CaseId
        """;

    public const string Category = DataCategories.SupportPlan;
    public const string Purpose = ConsentPurposes.Coordination;

    public Guid CaseId { get; init; }
    public Guid PersonId { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public Guid? LeadAgencyId { get; init; }
    public Guid? KeyPersonAgencyId { get; init; }

    public bool IsOpen => ClosedAt is null;

    public static Task<SupportCase?> FindAsync(UnitOfWork work, Guid caseId, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<SupportCase>(Read, new { CaseId = caseId }, ct);

    /// <summary>The young person it is about, or a worker of a lead or member agency.</summary>
    public bool MaySee(Caller caller, ConsentIndex participation) =>
        caller.IsYouth(PersonId) || IsMember(caller, participation);

    public bool IsMember(Caller caller, ConsentIndex participation) =>
        caller.Role == Roles.Worker && caller.AgencyId is { } agency && participation.TakesPart(CaseId, agency);

    /// <summary>Who reviews the plan: the key person's agency while it is on the team, else the lead.</summary>
    public Guid? ReviewerAgencyId(ConsentIndex participation) =>
        KeyPersonAgencyId is { } key && participation.TakesPart(CaseId, key) ? key : LeadAgencyId;

    /// <summary>The lead, or the key person's agency: who writes and reviews the plan.</summary>
    public bool MayWrite(Caller caller, ConsentIndex participation) =>
        IsMember(caller, participation) && (caller.AgencyId == LeadAgencyId || caller.AgencyId == ReviewerAgencyId(participation));

    /// <summary>
    /// Whether the plan (or, for meetings, <c>case-notes</c>) is shared with the caller: always with the young person;
    /// with an agency when consent covers the category (the decision recorded as CaseDataAccessed in <paramref name="work"/>).
    /// </summary>
    public async Task<bool> IsSharedWithAsync(
        UnitOfWork work, Caller caller, ConsentIndex consents, DateTimeOffset now, CancellationToken ct, string category = Category) =>
        caller.IsYouth(PersonId)
        || (await consents.DecideAndRecordAsync(work, caller, PersonId, CaseId, [category], Purpose, now, ct))[category].Permitted;

    public static ProblemHttpResult NotShared(string what = "their support plan") => Problems.Forbidden(
        $"The young person has not shared {what} with your agency. Ask them; they can share it on their page.");
}

/// <summary>The case a request may go on with, or the problem that stops it (then the request changes nothing).</summary>
public readonly record struct CaseAccess(SupportCase? Case, ProblemHttpResult? Problem)
{
    /// <summary>
    /// For a read of the plan, its reviews or follow-ups: the young person, or a lead or member agency the plan is
    /// shared with. The consent decision is recorded in <paramref name="work"/>, which the caller commits either way.
    /// </summary>
    public static async Task<CaseAccess> ToReadAsync(
        UnitOfWork work, Guid caseId, Caller caller, ConsentIndex consents, DateTimeOffset now, CancellationToken ct)
    {
        if (await SupportCase.FindAsync(work, caseId, ct) is not { } found || !found.MaySee(caller, consents))
        {
            return new(null, Problems.NotFound("The case"));
        }
        return await found.IsSharedWithAsync(work, caller, consents, now, ct) ? new(found, null) : new(null, SupportCase.NotShared());
    }

    /// <summary>
    /// A read of what the case's plan holds (versions, reviews, follow-ups): the access decided and recorded as for
    /// <see cref="ToReadAsync"/>, then <paramref name="read"/>, in one transaction.
    /// </summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> ReadAsync<T>(
        Database database, Guid caseId, Caller caller, ConsentIndex consents, DateTimeOffset now, Func<UnitOfWork, Task<T>> read, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var access = await ToReadAsync(work, caseId, caller, consents, now, ct);
        var value = access.Case is null ? default : await read(work);
        await work.CommitAsync(ct);
        return access.Problem is { } problem ? problem : TypedResults.Ok(value!);
    }

    /// <summary>
    /// For a change by a worker: a lead or member agency (else 404) that <paramref name="may"/> make it (else 403,
    /// <paramref name="whoMay"/> says who may), on an open case (409), the plan shared with it (403).
    /// </summary>
    public static async Task<CaseAccess> ToChangeAsync(
        UnitOfWork work, Guid caseId, Caller caller, ConsentIndex consents, Func<SupportCase, bool> may, string whoMay, DateTimeOffset now,
        CancellationToken ct)
    {
        if (await SupportCase.FindAsync(work, caseId, ct) is not { } found || !found.IsMember(caller, consents))
        {
            return new(null, Problems.NotFound("The case"));
        }
        if (!may(found))
        {
            return new(null, Problems.Forbidden(whoMay));
        }
        if (!found.IsOpen)
        {
            return new(null, Problems.Conflict("The case is closed: its plan is kept as it was. A follow-up that finds the young person needs help again opens it."));
        }
        return await found.IsSharedWithAsync(work, caller, consents, now, ct) ? new(found, null) : new(null, SupportCase.NotShared());
    }
}
