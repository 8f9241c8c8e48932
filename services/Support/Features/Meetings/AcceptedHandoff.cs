namespace ReferralNet.Support.Features.Meetings;

/// <summary>A handoff accepted and waiting for first contact (Consumers.AcceptedHandoffs): who sends, who receives.</summary>
public sealed class AcceptedHandoff
{
    private const string Waiting = """
        SELECT handoff_id AS HandoffId, from_agency_id AS FromAgencyId, to_agency_id AS ToAgencyId
        FROM accepted_handoffs WHERE handoff_id = @HandoffId AND case_id = @CaseId AND ended_at IS NULL
        """;

    private const string Any = """
        SELECT handoff_id AS HandoffId, from_agency_id AS FromAgencyId, to_agency_id AS ToAgencyId
        FROM accepted_handoffs WHERE handoff_id = @HandoffId
        """;

    public Guid HandoffId { get; init; }
    public Guid FromAgencyId { get; init; }
    public Guid ToAgencyId { get; init; }

    public static Task<AcceptedHandoff?> WaitingAsync(UnitOfWork work, Guid caseId, Guid handoffId, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<AcceptedHandoff>(Waiting, new { CaseId = caseId, HandoffId = handoffId }, ct);

    /// <summary>The handoff of a joint first meeting, whether or not first contact has been made since.</summary>
    public static Task<AcceptedHandoff?> OfAsync(UnitOfWork work, Guid handoffId, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<AcceptedHandoff>(Any, new { HandoffId = handoffId }, ct);
}
