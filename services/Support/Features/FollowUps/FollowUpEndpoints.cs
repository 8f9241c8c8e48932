namespace ReferralNet.Support.Features.FollowUps;

public sealed record RecordFollowUpRequest([property: CodeList(typeof(FollowUpResults))] string? Result)
{
    public ValidationErrors Validate() => new ValidationErrors().Code(Result, FollowUpResults.All, "result");
}

/// <summary>A follow-up after closing: when it was due, for which agency, and what it found (null while it waits).</summary>
public sealed record FollowUpView
{
    public Guid Id { get; init; }
    public Guid AgencyId { get; init; }
    public DateTimeOffset ClosedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    [CodeList(typeof(FollowUpResults))]
    public string? Result { get; init; }
    public DateTimeOffset? RecordedAt { get; init; }
}

/// <summary>
/// The follow-up after a case closed (API-v3 §4): the agency that led at closing — which keeps its access to the
/// closed case — records what it found, once it is due or earlier. <c>needs-help-again</c> reopens the case with the
/// same team (intake decides, on FollowUpRecorded). Read like the plan.
/// </summary>
public static class FollowUpEndpoints
{
    private const string Answer = """
        UPDATE follow_ups SET result = @Result, recorded_at = @Now
        WHERE case_id = @CaseId AND agency_id = @AgencyId AND result IS NULL
        RETURNING id, agency_id AS AgencyId, closed_at AS ClosedAt, due_at AS DueAt, result, recorded_at AS RecordedAt
        """;

    private const string ReadAll = """
        SELECT id, agency_id AS AgencyId, closed_at AS ClosedAt, due_at AS DueAt, result, recorded_at AS RecordedAt
        FROM follow_ups WHERE case_id = @CaseId ORDER BY closed_at DESC LIMIT 50
        """;

    public static void MapFollowUps(this IEndpointRouteBuilder app)
    {
        var followUps = app.MapGroup("/api/support/cases/{caseId:guid}/follow-ups");
        followUps.MapPost("", RecordAsync).RequirePersonAccess(Policies.Worker)
            .WithName("RecordFollowUp").WithSummary("The agency that led at closing records what the follow-up found");
        followUps.MapGet("", ListAsync).RequirePersonAccess(Policies.TeamParty)
            .WithName("ListFollowUps").WithSummary("The case's follow-ups after closing, latest first");
    }

    private static async Task<Results<Created<FollowUpView>, ProblemHttpResult>> RecordAsync(
        Guid caseId, RecordFollowUpRequest request, Caller caller, HttpContext http, Database database, ConsentIndex consents,
        TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<FollowUpView>> (work) =>
        {
            if (await SupportCase.FindAsync(work, caseId, ct) is not { } found || !found.IsMember(caller, consents))
            {
                return Problems.NotFound("The case");
            }
            if (await work.QuerySingleOrDefaultAsync<FollowUpView>(Answer, new { CaseId = caseId, caller.AgencyId, request.Result, Now = now }, ct)
                is not { } answered)
            {
                return Problems.Conflict("No follow-up of your agency waits on this case: one is made when a case your agency leads closes.");
            }
            work.Publish(new FollowUpRecorded(answered.Id, caseId, found.PersonId, caller.AgencyId!.Value, request.Result!, now));
            return answered;
        }, _ => $"/api/support/cases/{caseId}/follow-ups", ct);
    }

    private static Task<Results<Ok<FollowUpList>, ProblemHttpResult>> ListAsync(
        Guid caseId, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct) =>
        CaseAccess.ReadAsync(database, caseId, caller, consents, time.GetUtcNow(),
            async work => new FollowUpList([.. await work.QueryAsync<FollowUpView>(ReadAll, new { CaseId = caseId }, ct)]), ct);
}

public sealed record FollowUpList(IReadOnlyList<FollowUpView> Items);
