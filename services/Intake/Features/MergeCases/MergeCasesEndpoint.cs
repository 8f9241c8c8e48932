using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.MergeCases;

public sealed record MergeCasesRequest(Guid? OtherCaseId)
{
    public ValidationErrors Validate(Guid caseId) =>
        new ValidationErrors().Check(OtherCaseId is { } other && other != caseId, "otherCaseId", ErrorCodes.UnknownValue, "names another case");
}

public sealed record MergeCasesResponse(Guid CaseId, Guid MergedCaseId, string Status);

public sealed record MergeProposalAnswer(Guid ProposalId, string Status);

/// <summary>
/// A worker of an agency taking part in the case merges a possible duplicate into it (<see cref="CaseMerge"/>). When
/// the agency takes no part in the other case, a merge would hand it that case's story: it becomes a proposal (202)
/// that a worker of an agency in the other case confirms or declines.
/// </summary>
public static class MergeCasesEndpoint
{
    // A repeated proposal of the same pair answers the one that waits.
    private const string Propose = $"""
        INSERT INTO merge_proposals (id, case_id, other_case_id, reasons, status, proposed_by_agency_id, proposed_by, proposed_at)
        VALUES (@Id, @CaseId, @OtherCaseId, @Reasons, @Awaiting, @AgencyId, @UserId, @Now)
        ON CONFLICT (case_id, other_case_id) WHERE status = '{MergeProposalStatuses.AwaitingConfirmation}' DO NOTHING;
        SELECT id FROM merge_proposals WHERE case_id = @CaseId AND other_case_id = @OtherCaseId AND status = @Awaiting
        """;

    public static void MapMergeCases(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/intake/cases/{caseId:guid}/merge", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("MergeCases").WithSummary("Merges another case of the same young person into this one, keeping both timelines");

    private static async Task<Results<Ok<MergeCasesResponse>, Accepted<MergeProposalAnswer>, ProblemHttpResult>> Handle(
        Guid caseId, MergeCasesRequest request, Caller caller, Database database, ConsentIndex participation, TimeProvider time,
        CancellationToken ct)
    {
        if (request.Validate(caseId) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var otherCaseId = request.OtherCaseId!.Value;
        await using var work = await database.BeginAsync(ct);
        var pair = await CaseMerge.LockAsync(work, caseId, otherCaseId, ct);
        if (pair is null || caller.AgencyId is not { } agencyId || !participation.TakesPart(caseId, agencyId))
        {
            return Problems.NotFound("The case");
        }
        if (pair.AlreadyMerged)
        {
            return TypedResults.Ok(new MergeCasesResponse(caseId, otherCaseId, pair.Case.Status)); // a retry: already merged
        }
        if (pair.Case.Status == CaseStatuses.Closed)
        {
            return Problems.Conflict("This case is closed; merge into the case that carries on.");
        }
        if (pair.Reasons.Count == 0)
        {
            return new ValidationErrors().Add("otherCaseId", ErrorCodes.NotAllowed, "is not a possible duplicate of this case").ToProblem();
        }
        var now = time.GetUtcNow();
        if (!participation.TakesPart(otherCaseId, agencyId))
        {
            var proposalId = await work.QuerySingleAsync<Guid>(Propose, new
            {
                Id = Guid.CreateVersion7(), CaseId = caseId, OtherCaseId = otherCaseId, Reasons = pair.Reasons.ToArray(),
                Awaiting = MergeProposalStatuses.AwaitingConfirmation, AgencyId = agencyId, caller.UserId, Now = now,
            }, ct);
            await work.CommitAsync(ct);
            return TypedResults.Accepted($"/api/intake/merge-proposals/{proposalId}",
                new MergeProposalAnswer(proposalId, MergeProposalStatuses.AwaitingConfirmation));
        }
        var status = await CaseMerge.ApplyAsync(work, participation, pair, agencyId, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new MergeCasesResponse(caseId, otherCaseId, status));
    }
}
