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
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private static readonly string LeadOfCase = $"SELECT {LeadOf("@CaseId")}";

    private static readonly string ResolveOpen = ResolveWhere("case_id = @CaseId");

    /// <summary>The lead of the case <paramref name="caseId"/> (an SQL expression) this service knows: as intake announced it, else its first referrer.</summary>
    public static string LeadOf(string caseId) => $"""
        COALESCE((SELECT lead_agency_id FROM case_leads WHERE case_id = {caseId}),
                 (SELECT from_agency_id FROM referrals WHERE case_id = {caseId} ORDER BY received_at LIMIT 1))
        """;

    /// <summary>Resolves the open escalations <paramref name="which"/> selects, returning each as <see cref="Resolved"/>.</summary>
    public static string ResolveWhere(string which) => $"""
        UPDATE escalations SET status = '{EscalationStatuses.Resolved}', resolution = @Resolution, resolved_at = @Now
        WHERE {which} AND status = '{EscalationStatuses.Open}'
        RETURNING id AS EscalationId, case_id AS CaseId, reason, resolution, resolved_at AS OccurredAt
        """;

    /// <summary>
    /// Opens an escalation and announces it (CaseEscalated), unless one of that reason is open on the case.
    /// <paramref name="handoffId"/> is the handoff whose pass or deadline raised it.
    /// </summary>
    public static async Task OpenAsync(UnitOfWork work, Guid caseId, Guid? handoffId, string reason, int passCount, DateTimeOffset now, CancellationToken ct)
    {
        var escalation = new CaseEscalated(caseId, reason, passCount, now, Guid.CreateVersion7(), handoffId);
        if (await ListAsync(work, escalation, ct))
        {
            work.Publish(escalation);
        }
    }

    /// <summary>
    /// Lists an escalation for the coordinators and tells the case's lead, unless one of its reason is open on the case
    /// (or it is listed already: another service's escalation, delivered again). False when it was not listed.
    /// </summary>
    public static async Task<bool> ListAsync(UnitOfWork work, CaseEscalated escalation, CancellationToken ct)
    {
        var opened = await work.QuerySingleOrDefaultAsync<Guid?>(Open, new
        {
            Id = escalation.EscalationId, escalation.CaseId, escalation.Reason, escalation.PassCount, Now = escalation.OccurredAt,
        }, ct);
        if (opened is null)
        {
            return false;
        }
        if (await work.QuerySingleOrDefaultAsync<Guid?>(LeadOfCase, new { escalation.CaseId }, ct) is { } lead)
        {
            work.Tell(lead, AgencyEventKinds.CaseEscalated, handoffId: null, escalation.CaseId, escalation.OccurredAt, escalation.Reason);
        }
        return true;
    }

    public static async Task ResolveAllAsync(UnitOfWork work, Guid caseId, string resolution, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var resolved in await work.QueryAsync<Resolved>(ResolveOpen, new { CaseId = caseId, Resolution = resolution, Now = now }, ct))
        {
            work.Publish(resolved.ToEvent());
        }
    }

    /// <summary>An escalation as an UPDATE … RETURNING that resolved it gives it back.</summary>
    public sealed class Resolved
    {
        public Guid EscalationId { get; init; }
        public Guid CaseId { get; init; }
        public string Reason { get; init; } = "";
        public string Resolution { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }

        public EscalationResolved ToEvent() => new(EscalationId, CaseId, Reason, Resolution, OccurredAt);
    }
}
