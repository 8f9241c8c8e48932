namespace ReferralNet.Handoff.Features.Escalations;

/// <summary>
/// A case handed on to the network's coordinators, at most one open per case and reason (a second of the same kind
/// adds nothing for them). It resolves itself when a later offer on the case is accepted or the case closes.
/// </summary>
public static class CaseEscalations
{
    private const string Open = $"""
        INSERT INTO escalations (id, case_id, reason, pass_count, status, opened_at)
        VALUES (@Id, @CaseId, @Reason, @PassCount, '{EscalationStatuses.Open}', @Now)
        ON CONFLICT (case_id, reason) WHERE status = '{EscalationStatuses.Open}' DO NOTHING
        """;

    private const string ResolveOpen = $"""
        UPDATE escalations SET status = '{EscalationStatuses.Resolved}', resolution = @Resolution, resolved_at = @Now
        WHERE case_id = @CaseId AND status = '{EscalationStatuses.Open}'
        """;

    /// <summary>Opens an escalation and announces it (CaseEscalated), unless one of that reason is open on the case.</summary>
    public static async Task OpenAsync(UnitOfWork work, Guid caseId, string reason, int passCount, DateTimeOffset now, CancellationToken ct)
    {
        var opened = await work.ExecuteAsync(Open, new { Id = Guid.CreateVersion7(), CaseId = caseId, Reason = reason, PassCount = passCount, Now = now }, ct);
        if (opened == 1)
        {
            work.Publish(new CaseEscalated(caseId, reason, passCount, now));
        }
    }

    public static Task ResolveAllAsync(UnitOfWork work, Guid caseId, string resolution, DateTimeOffset now, CancellationToken ct) =>
        work.ExecuteAsync(ResolveOpen, new { CaseId = caseId, Resolution = resolution, Now = now }, ct);
}
