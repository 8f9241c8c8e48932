using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.Tasks;

/// <summary>One thing the caller's agency has to do about a case's team, by when: ids and codes only (handoff's shape).</summary>
public sealed record TeamTask([property: CodeList(typeof(TaskKinds))] string Kind, Guid CaseId, string CaseReference, Guid AgencyId, DateTimeOffset DueAt);

public sealed record TeamTasksResponse(IReadOnlyList<TeamTask> Items);

/// <summary>
/// The lead's tasks of intake: admit (or not) each agency that referred the person and waits, and name a key person
/// again when the young person asked for another (API-v3 §1; agencyId: the current key person's agency, else the
/// lead), each due Intake:AdmitWithin after the asking; for the intake desk, reach each young person who asked for help
/// themself, due Intake:DeskContactWithin after they asked (the day they were told). Oldest first; the worker's "my
/// work" shows them beside handoff's.
/// </summary>
public static class TasksEndpoint
{
    public const int MaxTasks = 200;

    private const string OfLead = $"""
        SELECT r.case_id AS CaseId, r.from_agency_id AS AgencyId, min(r.requested_at) AS RequestedAt
        FROM pending_referrals r JOIN cases c ON c.id = r.case_id
        WHERE c.lead_agency_id = @AgencyId AND r.status = '{ReferralStatuses.AwaitingAdmission}'
        GROUP BY r.case_id, r.from_agency_id
        ORDER BY min(r.requested_at), r.case_id
        LIMIT @MaxTasks
        """;

    private const string KeyPersonChangesOfLead = """
        SELECT k.case_id AS CaseId, COALESCE(c.key_person_agency_id, c.lead_agency_id) AS AgencyId, k.requested_at AS RequestedAt
        FROM key_person_change_requests k JOIN cases c ON c.id = k.case_id
        WHERE c.lead_agency_id = @AgencyId
        ORDER BY k.requested_at, k.case_id
        LIMIT @MaxTasks
        """;

    private const string SelfReferralsToContact = $"""
        SELECT c.id AS CaseId, c.lead_agency_id AS AgencyId, c.opened_at AS RequestedAt
        FROM cases c
        WHERE c.lead_agency_id = @AgencyId AND {CaseDeadlines.AskedForHelpAndWaiting}
        ORDER BY c.opened_at, c.id
        LIMIT @MaxTasks
        """;

    public static void MapTasks(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/tasks", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("ListIntakeTasks").WithSummary("The intake tasks of the caller's agency: agencies waiting to be admitted, key persons to name again, young people who asked for help to reach");

    private static async Task<Ok<TeamTasksResponse>> Handle(Caller caller, Database database, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var waiting = await database.QueryAsync<WaitingAgency>(OfLead, new { caller.AgencyId, MaxTasks }, ct);
        var keyPersonChanges = await database.QueryAsync<WaitingAgency>(KeyPersonChangesOfLead, new { caller.AgencyId, MaxTasks }, ct);
        var askedForHelp = await database.QueryAsync<WaitingAgency>(SelfReferralsToContact, new { caller.AgencyId, MaxTasks }, ct);
        var (admitWithin, contactWithin) = (options.Value.AdmitWithin, options.Value.DeskContactWithin);
        return TypedResults.Ok(new TeamTasksResponse([.. waiting.Select(w => (Kind: TaskKinds.AdmitMember, w, Within: admitWithin))
            .Concat(keyPersonChanges.Select(w => (Kind: TaskKinds.KeyPersonChange, w, Within: admitWithin)))
            .Concat(askedForHelp.Select(w => (Kind: TaskKinds.ContactSelfReferral, w, Within: contactWithin)))
            .Select(t => new TeamTask(t.Kind, t.w.CaseId, CaseReference.Of(t.w.CaseId), t.w.AgencyId, t.w.RequestedAt + t.Within))
            .OrderBy(t => t.DueAt).Take(MaxTasks)]));
    }

    private sealed class WaitingAgency
    {
        public Guid CaseId { get; init; }
        public Guid AgencyId { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
    }
}
