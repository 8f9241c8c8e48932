namespace ReferralNet.Support.Features.Reviews;

/// <summary>
/// The deadline of a plan's review: a review still not recorded <c>Support:ReviewGrace</c> after its day ended is
/// escalated to the coordinators (<c>review-overdue</c>). Set and cleared in the transaction of the change that moves
/// the review day; fired by <see cref="ReviewSweep"/>; a review resolves what it raised.
/// </summary>
public sealed class ReviewDeadline(IOptions<SupportOptions> options)
{
    private const string Cancel = $"DELETE FROM due_timers WHERE case_id = @CaseId AND kind = '{DueTimerKinds.ReviewOverdue}'";

    private const string Schedule = $"""
        {Cancel};
        INSERT INTO due_timers (id, kind, case_id, due_at) VALUES (@Id, '{DueTimerKinds.ReviewOverdue}', @CaseId, @DueAt)
        """;

    private const string Raise = """
        INSERT INTO review_escalations (case_id, escalation_id, opened_at) VALUES (@CaseId, @EscalationId, @Now)
        ON CONFLICT (case_id) DO NOTHING
        """;

    private const string Resolve = "DELETE FROM review_escalations WHERE case_id = @CaseId RETURNING escalation_id";

    /// <summary>When a review due on <paramref name="due"/> escalates: the day's end in the network's time zone, plus the grace.</summary>
    public DateTimeOffset EscalatesAt(DateOnly due) => options.Value.EndOf(due) + options.Value.ReviewGrace;

    /// <summary>The review is due on <paramref name="due"/>; not before <paramref name="notBefore"/> (a reopened case's team gets its grace).</summary>
    /// <summary>Sets the case's review escalation for <paramref name="due"/>, and tells the network when the review is due.</summary>
    public Task ScheduleAsync(UnitOfWork work, Guid caseId, DateOnly due, DateTimeOffset notBefore, CancellationToken ct)
    {
        var escalatesAt = EscalatesAt(due);
        var floor = notBefore + options.Value.ReviewGrace;
        work.Publish(new PlanReviewScheduled(caseId, options.Value.LastMomentOf(due), notBefore));
        return work.ExecuteAsync(Schedule, new { Id = Guid.CreateVersion7(), CaseId = caseId, DueAt = escalatesAt > floor ? escalatesAt : floor }, ct);
    }

    public Task CancelAsync(UnitOfWork work, Guid caseId, CancellationToken ct) => work.ExecuteAsync(Cancel, new { CaseId = caseId }, ct);

    /// <summary>Raises the case's review escalation (CaseEscalated), unless one it raised is still open.</summary>
    public static async Task RaiseAsync(UnitOfWork work, Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        var escalationId = Guid.CreateVersion7();
        if (await work.ExecuteAsync(Raise, new { CaseId = caseId, EscalationId = escalationId, Now = now }, ct) == 1)
        {
            work.Publish(new CaseEscalated(caseId, EscalationReasons.ReviewOverdue, 0, now, escalationId));
        }
    }

    /// <summary>A review was recorded: the escalation its lateness raised, if any, is resolved.</summary>
    public static async Task ResolveAsync(UnitOfWork work, Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var escalationId in await work.QueryAsync<Guid>(Resolve, new { CaseId = caseId }, ct))
        {
            work.Publish(new EscalationResolved(escalationId, caseId, EscalationReasons.ReviewOverdue, EscalationResolutions.Reviewed, now));
        }
    }
}
