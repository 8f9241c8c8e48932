namespace ReferralNet.Handoff.Features.Escalations;

/// <summary>An escalation as coordinators see it: ids, codes and times, never a person.</summary>
public sealed record EscalationView
{
    public Guid EscalationId { get; init; }
    public Guid CaseId { get; init; }
    public string Reason { get; init; } = "";
    public int PassCount { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset OpenedAt { get; init; }
    public Guid? LeadAgencyId { get; init; }
    public Guid? AssignedAgencyId { get; init; }
    public string? Resolution { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
}

public sealed record ListEscalationsQuery(string? Status, int? Limit, Guid? Cursor)
{
    public ValidationErrors Validate() => new ValidationErrors().OptionalCode(Status, EscalationStatuses.All, "status");
}

public sealed record AssignEscalationRequest(Guid? AgencyId)
{
    public ValidationErrors Validate() => new ValidationErrors().Check(AgencyId is not null, "agencyId", ErrorCodes.Required, "is required");
}

public sealed record ResolveEscalationRequest(string? Resolution)
{
    public ValidationErrors Validate() => new ValidationErrors().Code(Resolution, EscalationResolutions.All, "resolution");
}

/// <summary>
/// The coordinators' list of escalated cases, and what they do about one: give it to an agency of the directory (which
/// becomes its lead and takes part in it; one at a time: a new assignment replaces the last, and intake ends the
/// standing the last one gave) or resolve it. The lead shown is the one this service knows: the referrer until first
/// contact or an assignment moved it.
/// </summary>
public static class EscalationEndpoints
{
    private static readonly string Columns = $"""
        e.id AS EscalationId, e.case_id AS CaseId, e.reason, e.pass_count AS PassCount, e.status, e.opened_at AS OpenedAt,
        {CaseEscalations.LeadOf("e.case_id")} AS LeadAgencyId,
        e.assigned_agency_id AS AssignedAgencyId, e.resolution, e.resolved_at AS ResolvedAt
        """;

    private static readonly string ListPage = Keyset.Paged($"""
        SELECT {Columns} FROM escalations e
        WHERE (@Status IS NULL OR e.status = @Status)
        """, "e.id");

    // The earlier assignee is read under the row's lock, so two coordinators assigning at once each see the other's.
    private const string Assign = $"""
        UPDATE escalations e SET assigned_agency_id = @AgencyId
        FROM (SELECT id, assigned_agency_id FROM escalations WHERE id = @Id FOR UPDATE) earlier
        WHERE e.id = earlier.id AND e.status = '{EscalationStatuses.Open}'
        RETURNING e.id AS EscalationId, e.case_id AS CaseId, earlier.assigned_agency_id AS PreviousAgencyId
        """;

    private const string IsListed = "SELECT EXISTS (SELECT 1 FROM directory_agencies WHERE agency_id = @AgencyId)";

    private static readonly string Resolve = CaseEscalations.ResolveWhere("id = @Id");

    private static readonly string Find = $"SELECT {Columns} FROM escalations e WHERE e.id = @Id";

    public static void MapEscalations(this IEndpointRouteBuilder app)
    {
        var escalations = app.MapGroup("/api/handoffs/escalations").RequireAuthorization(Policies.Coordinator);
        escalations.MapGet("", List)
            .WithName("ListEscalations").WithSummary("Cases passed around or stuck, for the network's coordinators");
        escalations.MapPost("/{id:guid}/assign", AssignAsync)
            .WithName("AssignEscalation").WithSummary("A coordinator gives an escalated case to an agency of the directory");
        escalations.MapPost("/{id:guid}/resolve", ResolveAsync)
            .WithName("ResolveEscalation").WithSummary("A coordinator resolves an escalation");
    }

    private static async Task<Results<Ok<Page<EscalationView>>, ProblemHttpResult>> List(
        [AsParameters] ListEscalationsQuery query, Database database, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await database.PageAsync<EscalationView>(ListPage, new { query.Status }, query.Limit, query.Cursor, e => e.EscalationId, ct));
    }

    private static async Task<Results<Ok<EscalationView>, ProblemHttpResult>> AssignAsync(
        Guid id, AssignEscalationRequest request, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        // A coordinator decides which agency of the network takes the case on, never who else sees a person.
        if (!await work.QuerySingleAsync<bool>(IsListed, request, ct))
        {
            return new ValidationErrors().Add("agencyId", ErrorCodes.UnknownValue, "is not an agency of the directory").ToProblem();
        }
        var escalation = await work.QuerySingleOrDefaultAsync<AssignedRow>(Assign, new { Id = id, request.AgencyId }, ct);
        if (escalation is null)
        {
            return await RefusalAsync(work, id, ct);
        }
        if (escalation.PreviousAgencyId != request.AgencyId)
        {
            await ConsentProjection.JoinAsync(work, participation, escalation.CaseId, request.AgencyId!.Value, JoinedBy.Escalation, now, now, ct);
            work.Publish(new EscalationAssigned(escalation.EscalationId, escalation.CaseId, request.AgencyId!.Value, now, escalation.PreviousAgencyId));
        }
        var shown = await work.QuerySingleAsync<EscalationView>(Find, new { Id = id }, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(shown);
    }

    private static async Task<Results<Ok<EscalationView>, ProblemHttpResult>> ResolveAsync(
        Guid id, ResolveEscalationRequest request, Database database, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        await using var work = await database.BeginAsync(ct);
        if (await work.QuerySingleOrDefaultAsync<CaseEscalations.Resolved>(Resolve, new { Id = id, request.Resolution, Now = time.GetUtcNow() }, ct) is not { } resolved)
        {
            return await RefusalAsync(work, id, ct);
        }
        work.Publish(resolved.ToEvent());
        var shown = await work.QuerySingleAsync<EscalationView>(Find, new { Id = id }, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(shown);
    }

    /// <summary>404 for an escalation that does not exist, 409 for one already resolved.</summary>
    private static async Task<ProblemHttpResult> RefusalAsync(UnitOfWork work, Guid id, CancellationToken ct) =>
        await work.QuerySingleOrDefaultAsync<EscalationView>(Find, new { Id = id }, ct) is null
            ? Problems.NotFound("The escalation")
            : Problems.Conflict("The escalation is already resolved.");

    private sealed class AssignedRow
    {
        public Guid EscalationId { get; init; }
        public Guid CaseId { get; init; }
        public Guid? PreviousAgencyId { get; init; }
    }
}
