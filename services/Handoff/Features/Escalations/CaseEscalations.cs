using ReferralNet.Handoff.Features.Events;
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

    // The lead this service knows: as intake announced it, else the case's first referrer.
    private const string LeadOfCase = """
        SELECT COALESCE(
            (SELECT lead_agency_id FROM case_leads WHERE case_id = @CaseId),
            (SELECT from_agency_id FROM referrals WHERE case_id = @CaseId ORDER BY received_at LIMIT 1))
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
            if (await work.QuerySingleOrDefaultAsync<Guid?>(LeadOfCase, new { CaseId = caseId }, ct) is { } lead)
            {
                work.Tell(lead, AgencyEventKinds.CaseEscalated, handoffId: null, caseId, now, reason);
            }
        }
    }

    public static Task ResolveAllAsync(UnitOfWork work, Guid caseId, string resolution, DateTimeOffset now, CancellationToken ct) =>
        work.ExecuteAsync(ResolveOpen, new { CaseId = caseId, Resolution = resolution, Now = now }, ct);
}
