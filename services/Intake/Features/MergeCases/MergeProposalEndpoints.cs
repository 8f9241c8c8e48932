using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.MergeCases;

/// <summary>A proposal to merge <see cref="OtherCaseId"/> into <see cref="CaseId"/>: ids and codes only.</summary>
public sealed class MergeProposal
{
    public Guid ProposalId { get; init; }
    public Guid CaseId { get; init; }
    public Guid OtherCaseId { get; init; }
    public string Status { get; init; } = "";
    public string[] Reasons { get; init; } = [];
    public Guid ProposedByAgencyId { get; init; }
    public DateTimeOffset ProposedAt { get; init; }
}

/// <summary>
/// A worker of an agency taking part in the other case of a proposal confirms it (the merge happens, recorded as
/// theirs) or declines it; to anyone else the proposal does not exist. The list shows what waits for the caller's
/// agency (<c>incoming=true</c>, the default) or what it proposed (<c>incoming=false</c>).
/// </summary>
public static class MergeProposalEndpoints
{
    private const string Columns = """
        m.id AS ProposalId, m.case_id AS CaseId, m.other_case_id AS OtherCaseId, m.status, m.reasons,
        m.proposed_by_agency_id AS ProposedByAgencyId, m.proposed_at AS ProposedAt
        """;

    private const string LockProposal = $"SELECT {Columns} FROM merge_proposals m WHERE m.id = @ProposalId FOR UPDATE";

    private const string Decide = """
        UPDATE merge_proposals SET status = @Status, decided_by_agency_id = @AgencyId, decided_by = @UserId, decided_at = @Now
        WHERE id = @ProposalId
        """;

    private static readonly string ListIncoming = Keyset.Paged($"""
        SELECT {Columns} FROM merge_proposals m
        JOIN case_participation p ON p.case_id = m.other_case_id AND p.agency_id = @AgencyId AND p.ended_at IS NULL
        JOIN case_persons cp ON cp.case_id = m.other_case_id
        WHERE m.status = '{MergeProposalStatuses.AwaitingConfirmation}' AND {ConsentProjection.NotShutOut}
        """, "m.id");

    private static readonly string ListOutgoing = Keyset.Paged($"""
        SELECT {Columns} FROM merge_proposals m
        WHERE m.proposed_by_agency_id = @AgencyId AND m.status = '{MergeProposalStatuses.AwaitingConfirmation}'
        """, "m.id");

    public static void MapMergeProposals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/intake/merge-proposals", List).RequirePersonAccess(Policies.Worker)
            .WithName("ListMergeProposals").WithSummary("Merge proposals waiting for the caller's agency");
        app.MapPost("/api/intake/merge-proposals/{proposalId:guid}/confirm", Confirm).RequirePersonAccess(Policies.Worker)
            .WithName("ConfirmMergeProposal").WithSummary("Confirms a merge proposal: the two cases become one");
        app.MapPost("/api/intake/merge-proposals/{proposalId:guid}/decline", Decline).RequirePersonAccess(Policies.Worker)
            .WithName("DeclineMergeProposal").WithSummary("Declines a merge proposal: the cases stay apart");
    }

    private static async Task<Results<Ok<MergeCasesResponse>, ProblemHttpResult>> Confirm(
        Guid proposalId, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        if (await LockForDecisionAsync(work, proposalId, caller, participation, ct) is not { } proposal)
        {
            return Problems.NotFound("The merge proposal");
        }
        if (proposal.Status == MergeProposalStatuses.Declined)
        {
            return Problems.Conflict("This proposal was declined.");
        }
        var pair = (await CaseMerge.LockAsync(work, proposal.CaseId, proposal.OtherCaseId, ct))!;
        if (pair.AlreadyMerged)
        {
            return TypedResults.Ok(new MergeCasesResponse(proposal.CaseId, proposal.OtherCaseId, pair.Case.Status)); // a retry
        }
        if (pair.Case.Status == CaseStatuses.Closed || pair.Reasons.Count == 0)
        {
            return Problems.Conflict("The two cases are no longer possible duplicates (one was closed or merged since).");
        }
        var now = time.GetUtcNow();
        var status = await CaseMerge.ApplyAsync(work, participation, pair, caller.AgencyId!.Value, now, ct);
        await DecideAsync(work, proposalId, MergeProposalStatuses.Confirmed, caller, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new MergeCasesResponse(proposal.CaseId, proposal.OtherCaseId, status));
    }

    private static async Task<Results<Ok<MergeProposalAnswer>, ProblemHttpResult>> Decline(
        Guid proposalId, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        if (await LockForDecisionAsync(work, proposalId, caller, participation, ct) is not { } proposal)
        {
            return Problems.NotFound("The merge proposal");
        }
        if (proposal.Status == MergeProposalStatuses.Confirmed)
        {
            return Problems.Conflict("This proposal was confirmed: the cases are merged.");
        }
        if (proposal.Status == MergeProposalStatuses.AwaitingConfirmation)
        {
            await DecideAsync(work, proposalId, MergeProposalStatuses.Declined, caller, time.GetUtcNow(), ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok(new MergeProposalAnswer(proposalId, MergeProposalStatuses.Declined));
    }

    /// <summary>The proposal, locked, when the caller's agency takes part in its other case (who decides); else null.</summary>
    private static async Task<MergeProposal?> LockForDecisionAsync(
        UnitOfWork work, Guid proposalId, Caller caller, ConsentIndex participation, CancellationToken ct)
    {
        var proposal = await work.QuerySingleOrDefaultAsync<MergeProposal>(LockProposal, new { ProposalId = proposalId }, ct);
        return proposal is not null && caller.AgencyId is { } agencyId && participation.TakesPart(proposal.OtherCaseId, agencyId) ? proposal : null;
    }

    private static Task DecideAsync(UnitOfWork work, Guid proposalId, string status, Caller caller, DateTimeOffset now, CancellationToken ct) =>
        work.ExecuteAsync(Decide, new { ProposalId = proposalId, Status = status, caller.AgencyId, caller.UserId, Now = now }, ct);

    private static async Task<Results<Ok<Page<MergeProposal>>, ProblemHttpResult>> List(
        Caller caller, Database database, IOptions<ParticipationOptions> participation, TimeProvider time, bool? incoming, int? limit,
        Guid? cursor, CancellationToken ct)
    {
        var filter = new { caller.AgencyId, ShutOutBefore = time.GetUtcNow() - participation.Value.ClosedCaseReadableFor };
        return TypedResults.Ok(await database.PageAsync<MergeProposal>(
            incoming == false ? ListOutgoing : ListIncoming, filter, limit, cursor, p => p.ProposalId, ct));
    }
}
