namespace ReferralNet.Handoff.Features.Deadlines;

/// <summary>Deadlines are set and cleared in the transaction of the move that makes them due or moot.</summary>
public static class DueTimers
{
    private const string Schedule = """
        INSERT INTO due_timers (id, kind, case_id, handoff_id, due_at) VALUES (@Id, @Kind, @CaseId, @HandoffId, @DueAt)
        """;

    private const string CancelOfHandoff = "DELETE FROM due_timers WHERE handoff_id = @HandoffId AND kind = @Kind";

    private const string CancelOfCase = "DELETE FROM due_timers WHERE case_id = @CaseId AND kind = @Kind";

    public static Task ScheduleAsync(this UnitOfWork work, string kind, Guid caseId, Guid? handoffId, DateTimeOffset dueAt, CancellationToken ct) =>
        work.ExecuteAsync(Schedule, new { Id = Guid.CreateVersion7(), Kind = kind, CaseId = caseId, HandoffId = handoffId, DueAt = dueAt }, ct);

    public static Task CancelAsync(this UnitOfWork work, string kind, Guid handoffId, CancellationToken ct) =>
        work.ExecuteAsync(CancelOfHandoff, new { HandoffId = handoffId, Kind = kind }, ct);

    public static Task CancelForCaseAsync(this UnitOfWork work, string kind, Guid caseId, CancellationToken ct) =>
        work.ExecuteAsync(CancelOfCase, new { CaseId = caseId, Kind = kind }, ct);
}
