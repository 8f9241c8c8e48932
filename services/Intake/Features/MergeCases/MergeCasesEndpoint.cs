using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Contracts;
using ReferralNet.Contracts.Codes;
using ReferralNet.Intake.Features.PossibleDuplicates;
using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.MergeCases;

public sealed record MergeCasesRequest(Guid? OtherCaseId);

public sealed record MergeCasesResponse(Guid CaseId, Guid MergedCaseId, string Status);

/// <summary>
/// A worker of an agency taking part in the case merges a possible duplicate into it. This case carries on, with its
/// lead; the other is closed and points at it, its person record points at this one (so a later referral under either
/// spelling lands here), its agencies take part here, and both timelines read as one. Only a case the duplicate check
/// lists can be merged: a merge is a decision about a near match, not a way to join arbitrary cases. CasesMerged tells
/// the other services.
/// </summary>
public static class MergeCasesEndpoint
{
    private const string LockBoth = """
        SELECT id, status, merged_into AS MergedInto, lead_agency_id AS LeadAgencyId, last_contact_at AS LastContactAt FROM cases
        WHERE id IN (@CaseId, @OtherCaseId) ORDER BY id FOR UPDATE
        """;

    // Cases merged into the other before now point here directly, so "merged into" is never a chain.
    private const string Merge = """
        UPDATE cases SET merged_into = @CaseId, updated_at = @Now WHERE merged_into = @OtherCaseId;
        UPDATE cases SET status = 'closed', merged_into = @CaseId, updated_at = @Now WHERE id = @OtherCaseId;
        UPDATE persons SET merged_into = @PersonId WHERE id = @OtherPersonId OR merged_into = @OtherPersonId;
        UPDATE cases SET
            status = @Status,
            last_contact_at = CASE WHEN last_contact_at < @OtherLastContactAt THEN @OtherLastContactAt ELSE last_contact_at END,
            updated_at = @Now
        WHERE id = @CaseId;
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        VALUES (@CaseId, @Now, 'case-merged', @AgencyId, @OtherCaseId, NULL);
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT @CaseId, @Now, 'status-changed', @AgencyId, @OtherCaseId, @Status WHERE @Status <> @PreviousStatus
        """;

    public static void MapMergeCases(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/intake/cases/{caseId:guid}/merge", Handle).RequirePersonAccess(Policies.Worker);

    private static async Task<Results<Ok<MergeCasesResponse>, ProblemHttpResult>> Handle(
        Guid caseId, MergeCasesRequest request, HttpContext http, Database database, ConsentIndex participation, TimeProvider time,
        CancellationToken ct)
    {
        if (request.OtherCaseId is not { } otherCaseId || otherCaseId == caseId)
        {
            return new ValidationErrors().Add("otherCaseId", "names another case").ToProblem();
        }
        var caller = Caller.From(http.User);
        await using var work = await database.BeginAsync(ct);
        var locked = (await work.QueryAsync<LockedCase>(LockBoth, new { CaseId = caseId, OtherCaseId = otherCaseId }, ct))
            .ToDictionary(c => c.Id);
        var (self, bornSameDay) = await PersonRecord.ReadAsync(work, caseId, ct);
        if (self is null || !participation.TakesPart(caseId, caller.AgencyId ?? Guid.Empty))
        {
            return Problems.NotFound("The case");
        }
        if (locked.TryGetValue(otherCaseId, out var mergedBefore) && mergedBefore.MergedInto == caseId)
        {
            return TypedResults.Ok(new MergeCasesResponse(caseId, otherCaseId, locked[caseId].Status)); // a retry: already merged
        }
        if (locked[caseId].Status == CaseStatus.Closed)
        {
            return Problems.Conflict("This case is closed; merge into the case that carries on.");
        }
        var other = bornSameDay.FirstOrDefault(o => o.CaseId == otherCaseId);
        if (other is null || NearMatch.Between(self, other).Count == 0)
        {
            return new ValidationErrors().Add("otherCaseId", "is not a possible duplicate of this case").ToProblem();
        }

        // The young person is in contact through the other case if it is open: the case that carries on is open too.
        var previous = locked[caseId].Status;
        var status = other.Status == CaseStatus.Open ? CaseStatus.Open : previous;
        var now = time.GetUtcNow();
        await work.ExecuteAsync(Merge, new
        {
            CaseId = caseId, OtherCaseId = otherCaseId, self.PersonId, OtherPersonId = other.PersonId, Status = status,
            PreviousStatus = previous, OtherLastContactAt = locked[otherCaseId].LastContactAt, caller.AgencyId, Now = now,
        }, ct);
        // The other case's agencies take part here at once; every other service's projection learns it from the event.
        var merged = new CasesMerged(caseId, otherCaseId, self.PersonId, other.PersonId, now);
        await ConsentProjection.MergeAsync(work, participation, merged, now, ct);
        var closed = new CaseClosed(otherCaseId, other.PersonId, locked[otherCaseId].LeadAgencyId, Vocabulary.ClosedByMerge, now);
        await ConsentProjection.CloseAsync(work, participation, closed, now, ct);
        work.Publish(merged);
        work.Publish(closed);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new MergeCasesResponse(caseId, otherCaseId, status));
    }

    private sealed class LockedCase
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public Guid? MergedInto { get; init; }
        public Guid? LeadAgencyId { get; init; }
        public DateTimeOffset LastContactAt { get; init; }
    }
}
