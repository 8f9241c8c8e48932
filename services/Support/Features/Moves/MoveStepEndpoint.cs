using ReferralNet.Support.Features.Plan;
using ReferralNet.Support.Features.Reviews;

namespace ReferralNet.Support.Features.Moves;

public sealed record MoveStepRequest([property: CodeList(typeof(StepStatuses))] string? To, string? Note)
{
    public const int MaxNoteLength = 1000;

    public ValidationErrors Validate(Step step) => new ValidationErrors()
        .Code(To, StepStatuses.MoveTargets, "to")
        .Check(To != step.Status, "to", ErrorCodes.NotAllowed, "is already the step's status")
        .Check((Note?.Length ?? 0) <= MaxNoteLength, "note", ErrorCodes.TooLong, $"must be at most {MaxNoteLength} characters");
}

/// <summary>
/// A step moves — started, done, paused, or stepped back — by its owner agency or the lead. Going back is an ordinary
/// move: recorded and counted like any other (PlanStepMoved), never an escalation. Each move is a new plan version.
/// </summary>
public static class MoveStepEndpoint
{
    private const string Record = """
        INSERT INTO step_moves (id, case_id, step_id, from_status, to_status, note, agency_id, moved_at)
        VALUES (@Id, @CaseId, @StepId, @From, @To, @Note, @AgencyId, @Now)
        """;

    public static void MapMoveStep(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/support/cases/{caseId:guid}/plan/steps/{stepId:guid}/moves", HandleAsync).RequirePersonAccess(Policies.Worker)
            .WithName("MovePlanStep").WithSummary("The step's owner or the lead moves a step: started, done, paused or stepped back");

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid stepId, MoveStepRequest request, Caller caller, HttpContext http, Database database, ConsentIndex consents,
        ReviewDeadline deadline, IOptions<SupportOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var plan = await SupportPlan.FindAsync(work, caseId, ct, forUpdate: true);
        var step = plan?.Steps.FirstOrDefault(s => s.Id == stepId);
        var access = await CaseAccess.ToChangeAsync(work, caseId, caller, consents,
            c => caller.AgencyId == c.LeadAgencyId || caller.AgencyId == step?.OwnerAgencyId,
            "The agency that owns the step, or the lead, moves it.", now, ct);
        if (access.Problem is { } problem)
        {
            await work.CommitAsync(ct);
            return problem;
        }
        if (step is null)
        {
            return Problems.NotFound("The step");
        }
        if (request.Validate(step) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var moved = new SupportPlan
        {
            CaseId = caseId, Version = plan!.Version + 1, Goals = plan.Goals, NextReviewDue = plan.NextReviewDue,
            Steps = [.. plan.Steps.Select(s => s.Id == stepId ? s with { Status = request.To! } : s)],
        };
        await moved.SaveAsync(work, PlanChanges.StepMoved, caller.AgencyId, deadline, now, ct);
        await work.ExecuteAsync(Record, new
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, StepId = stepId, From = step.Status, request.To,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), caller.AgencyId, Now = now,
        }, ct);
        work.Publish(new PlanStepMoved(caseId, stepId, step.Kind, step.Status, request.To!, caller.AgencyId!.Value, now));
        await work.CommitAsync(ct);
        var view = (await PlanEndpoints.ReadBackAsync(database, caseId, options.Value.Today(now), ct))!;
        http.Response.Headers.ETag = SupportPlan.ETagOf(view.Version);
        return TypedResults.Ok(view);
    }
}
