namespace ReferralNet.Intake.Features.PossibleDuplicates;

/// <summary>Another live case that may be the same young person, and why; no personal data of either record.</summary>
public sealed record PossibleDuplicate(Guid CaseId, [property: CodeList(typeof(CaseStatuses))] string Status, [property: CodeList(typeof(DuplicateReasons))] IReadOnlyList<string> Reasons);

public sealed record PossibleDuplicatesResponse(Guid CaseId, IReadOnlyList<PossibleDuplicate> Items);

/// <summary>
/// A worker of an agency taking part in the case reviews the near matches among its own agency's cases; merging is
/// their decision. A near match in a case of other agencies is never shown or hinted at (API-v3 §1: a name and a birth
/// date must not find somebody's case): it goes, once per pair of cases, to that case's agencies as a merge proposal,
/// and the answer is the same whether one exists or not.
/// </summary>
public static class PossibleDuplicatesEndpoint
{
    // Once per pair, whichever way round and however an earlier proposal ended: a declined merge is not asked again.
    private const string ProposeOnce = $"""
        INSERT INTO merge_proposals (id, case_id, other_case_id, reasons, status, proposed_by_agency_id, proposed_by, proposed_at)
        SELECT @Id, @CaseId, @OtherCaseId, @Reasons, '{MergeProposalStatuses.AwaitingConfirmation}', @AgencyId, @UserId, @Now
        WHERE NOT EXISTS (SELECT 1 FROM merge_proposals
                          WHERE (case_id = @CaseId AND other_case_id = @OtherCaseId) OR (case_id = @OtherCaseId AND other_case_id = @CaseId))
        ON CONFLICT (case_id, other_case_id) WHERE status = '{MergeProposalStatuses.AwaitingConfirmation}' DO NOTHING
        """;

    public static void MapPossibleDuplicates(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/cases/{caseId:guid}/possible-duplicates", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("ListPossibleDuplicates").WithSummary("Cases of the caller's agency that may be the same young person");

    private static async Task<Results<Ok<PossibleDuplicatesResponse>, ProblemHttpResult>> Handle(
        Guid caseId, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var (self, bornSameDay) = await PersonRecord.ReadAsync(work, caseId, ct);
        if (self is null || caller.AgencyId is not { } agencyId || !participation.TakesPart(caseId, agencyId))
        {
            return Problems.NotFound("The case");
        }
        var near = bornSameDay.Select(other => new PossibleDuplicate(other.CaseId, other.Status, NearMatch.Between(self, other)))
            .Where(d => d.Reasons.Count > 0)
            .ToLookup(d => participation.TakesPart(d.CaseId, agencyId));
        foreach (var elsewhere in near[false])
        {
            await work.ExecuteAsync(ProposeOnce, new
            {
                Id = Guid.CreateVersion7(), CaseId = caseId, OtherCaseId = elsewhere.CaseId, Reasons = elsewhere.Reasons.ToArray(),
                AgencyId = agencyId, caller.UserId, Now = time.GetUtcNow(),
            }, ct);
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(new PossibleDuplicatesResponse(caseId, [.. near[true]]));
    }
}
