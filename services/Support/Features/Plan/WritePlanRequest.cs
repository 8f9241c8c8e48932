namespace ReferralNet.Support.Features.Plan;

public sealed record GoalInput(Guid? Id, string? Text, [property: CodeList(typeof(GoalStatuses))] string? Status);

public sealed record StepInput(Guid? Id, [property: CodeList(typeof(StepKinds))] string? Kind, string? Title, Guid? OwnerAgencyId, DateOnly? Due);

/// <summary>
/// The whole plan as its writer wants it: goals and steps (an id names one that exists; none, a new one), and the day
/// of the next review (none: <c>Support:ReviewEvery</c> from today). A step's status is not written here: moves change it.
/// </summary>
public sealed record WritePlanRequest(IReadOnlyList<GoalInput>? Goals, IReadOnlyList<StepInput>? Steps, DateOnly? NextReviewDue)
{
    public const int MaxGoals = 20;
    public const int MaxSteps = 30;
    public const int MaxGoalLength = 500;
    public const int MaxTitleLength = 200;

    /// <param name="current">The plan it replaces, or null for the first.</param>
    /// <param name="isMember">Whether an agency is lead or member of the case (a step's owner must be).</param>
    public ValidationErrors Validate(SupportPlan? current, DateOnly today, Func<Guid, bool> isMember)
    {
        var errors = new ValidationErrors()
            .Check(Goals is { Count: > 0 }, "goals", ErrorCodes.Required, "needs at least one goal, in the young person's words")
            .AtMost(Goals, MaxGoals, "goals")
            .AtMost(Steps, MaxSteps, "steps")
            .Check(NextReviewDue is not { } review || (review > today && review <= today.AddYears(1)), "nextReviewDue", ErrorCodes.OutOfRange,
                "must be a day after today and within a year");
        foreach (var (goal, i) in (Goals ?? []).Select((g, i) => (g, i)))
        {
            errors.Required(goal?.Text, $"goals[{i}].text", MaxGoalLength)
                .OptionalCode(goal?.Status, GoalStatuses.All, $"goals[{i}].status")
                .Check(goal?.Id is not { } id || current?.Goals.Any(g => g.Id == id) == true, $"goals[{i}].id", ErrorCodes.UnknownValue, "is not a goal of this plan");
        }
        foreach (var (step, i) in (Steps ?? []).Select((s, i) => (s, i)))
        {
            errors.Code(step?.Kind, StepKinds.All, $"steps[{i}].kind")
                .Required(step?.Title, $"steps[{i}].title", MaxTitleLength)
                .Check(step?.OwnerAgencyId is { } owner && isMember(owner), $"steps[{i}].ownerAgencyId", ErrorCodes.NotAllowed, "must be a lead or member agency of the case")
                .Check(step?.Due is not null, $"steps[{i}].due", ErrorCodes.Required, "is required: the day the step is due")
                .Check(step?.Id is not { } id || current?.Steps.Any(s => s.Id == id) == true, $"steps[{i}].id", ErrorCodes.UnknownValue, "is not a step of this plan");
        }
        var ids = (Goals ?? []).Select(g => g?.Id).Concat((Steps ?? []).Select(s => s?.Id)).OfType<Guid>().ToList();
        return errors.Check(ids.Count == ids.Distinct().Count(), "goals", ErrorCodes.Duplicate, "names a goal or step twice");
    }

    /// <summary>The next version: goals and steps as written, a step keeping the status its moves gave it.</summary>
    public SupportPlan ToPlan(Guid caseId, SupportPlan? current, DateOnly today, TimeSpan reviewEvery) => new()
    {
        CaseId = caseId,
        Version = (current?.Version ?? 0) + 1,
        Goals = [.. Goals!.Select(g => new Goal(
            g.Id ?? Guid.CreateVersion7(), g.Text!.Trim(),
            g.Status ?? current?.Goals.FirstOrDefault(c => c.Id == g.Id)?.Status ?? GoalStatuses.Open))],
        Steps = [.. (Steps ?? []).Select(s => new Step(
            s.Id ?? Guid.CreateVersion7(), s.Kind!, s.Title!.Trim(), s.OwnerAgencyId!.Value, s.Due!.Value,
            current?.Steps.FirstOrDefault(c => c.Id == s.Id)?.Status ?? StepStatuses.Planned))],
        NextReviewDue = NextReviewDue ?? current?.NextReviewDue ?? today.AddDays((int)reviewEvery.TotalDays),
        YouthAgreedAt = current?.YouthAgreedAt,
        YouthAgreedVersion = current?.YouthAgreedVersion,
    };
}
