namespace ReferralNet.Handoff.Features.Tasks;

/// <summary>One thing a worker's agency has to do about a handoff, and by when: ids and codes only.</summary>
public sealed record HandoffTask
{
    public string Kind { get; init; } = "";
    public Guid HandoffId { get; init; }
    public Guid CaseId { get; init; }

    /// <summary>The case's reference (RN-…), so a task says which case it is about.</summary>
    public string CaseReference => BuildingBlocks.Web.CaseReference.Of(CaseId);

    public DateTimeOffset DueAt { get; init; }
}

public sealed record TasksResponse(IReadOnlyList<HandoffTask> Items);

/// <summary>
/// What is the caller's agency's to do, soonest first: answer the offers made to it, make first contact after accepting,
/// record the outcome after contact, and choose the next service when an offer it made was passed on. The sender
/// stays accountable until first contact, so a pass comes back to the sender as a task, never to nobody.
/// </summary>
public static class TasksEndpoint
{
    public const int MaxTasks = 200;

    private const string OfAgency = $"""
        SELECT kind, handoff_id AS HandoffId, case_id AS CaseId, due_at AS DueAt FROM (
            SELECT '{TaskKinds.AnswerOffer}' AS kind, id AS handoff_id, case_id, respond_by AS due_at
            FROM handoffs WHERE to_agency_id = @AgencyId AND status = '{HandoffStatuses.Offered}'
            UNION ALL
            SELECT '{TaskKinds.MakeFirstContact}', id, case_id, accepted_at + @ContactWithin
            FROM handoffs WHERE to_agency_id = @AgencyId AND status = '{HandoffStatuses.Accepted}'
            UNION ALL
            SELECT '{TaskKinds.RecordOutcome}', id, case_id, connected_at
            FROM handoffs WHERE to_agency_id = @AgencyId AND status = '{HandoffStatuses.Connected}'
            UNION ALL
            SELECT '{TaskKinds.ChooseNextService}', t.handoff_id, t.case_id, t.due_at
            FROM due_timers t JOIN handoffs h ON h.id = t.handoff_id
            WHERE t.kind = '{DueTimerKinds.NextStep}' AND h.from_agency_id = @AgencyId
        ) tasks
        ORDER BY due_at, handoff_id
        LIMIT @MaxTasks
        """;

    public static void MapTasks(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/handoffs/tasks", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("ListHandoffTasks").WithSummary("The handoff tasks of the caller's agency: offers to answer, contacts to make, next services to choose");

    private static async Task<Ok<TasksResponse>> Handle(
        Caller caller, Database database, ConsentIndex participation, IOptions<HandoffOptions> options, CancellationToken ct)
    {
        var tasks = await database.QueryAsync<HandoffTask>(OfAgency,
            new { caller.AgencyId, options.Value.ContactWithin, MaxTasks }, ct);
        return TypedResults.Ok(new TasksResponse([.. tasks.Where(t => !participation.IsShutOut(t.CaseId, caller.AgencyId!.Value))]));
    }
}
