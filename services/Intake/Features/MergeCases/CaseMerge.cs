using ReferralNet.Intake.Features.PossibleDuplicates;
using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.MergeCases;

/// <summary>
/// Merging a possible duplicate into a case, for a direct merge and a confirmed proposal alike. This case carries on,
/// with its lead; the other is closed and points at it, its person record points at this one (so a later referral
/// under either spelling lands here), its agencies take part here, and both timelines read as one. Only a case the
/// duplicate check lists can be merged: a merge is a decision about a near match, not a way to join arbitrary cases.
/// CasesMerged and CaseClosed tell the other services.
/// </summary>
public static class CaseMerge
{
    private const string LockBoth = """
        SELECT id, status, merged_into AS MergedInto, lead_agency_id AS LeadAgencyId, last_contact_at AS LastContactAt FROM cases
        WHERE id IN (@CaseId, @OtherCaseId) ORDER BY id FOR UPDATE
        """;

    // Cases merged into the other before now point here directly, so "merged into" is never a chain.
    private const string Merge = $"""
        UPDATE cases SET merged_into = @CaseId, updated_at = @Now WHERE merged_into = @OtherCaseId;
        UPDATE cases SET status = '{CaseStatuses.Closed}', merged_into = @CaseId, updated_at = @Now WHERE id = @OtherCaseId;
        UPDATE persons SET merged_into = @PersonId WHERE id = @OtherPersonId OR merged_into = @OtherPersonId;
        UPDATE cases SET
            status = @Status,
            last_contact_at = CASE WHEN last_contact_at < @OtherLastContactAt THEN @OtherLastContactAt ELSE last_contact_at END,
            updated_at = @Now
        WHERE id = @CaseId;
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        VALUES (@CaseId, @Now, '{TimelineKinds.CaseMerged}', @AgencyId, @OtherCaseId, NULL);
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT @CaseId, @Now, '{TimelineKinds.StatusChanged}', @AgencyId, @OtherCaseId, @Status WHERE @Status <> @PreviousStatus
        """;

    /// <summary>Both cases, locked for the merge, and why they may be one person.</summary>
    public sealed record Pair(
        PersonRecord Self, LockedCase Case, PersonRecord? Other, LockedCase? OtherCase, IReadOnlyList<string> Reasons)
    {
        public bool AlreadyMerged => OtherCase?.MergedInto == Case.Id;
    }

    /// <summary>Locks both cases and compares their persons; null when the case does not exist.</summary>
    public static async Task<Pair?> LockAsync(UnitOfWork work, Guid caseId, Guid otherCaseId, CancellationToken ct)
    {
        var locked = (await work.QueryAsync<LockedCase>(LockBoth, new { CaseId = caseId, OtherCaseId = otherCaseId }, ct)).ToDictionary(c => c.Id);
        var (self, bornSameDay) = await PersonRecord.ReadAsync(work, caseId, ct);
        if (self is null)
        {
            return null;
        }
        var other = bornSameDay.FirstOrDefault(o => o.CaseId == otherCaseId);
        return new Pair(self, locked[caseId], other, locked.GetValueOrDefault(otherCaseId),
            other is null ? [] : NearMatch.Between(self, other));
    }

    /// <summary>Merges the other case of a pair that is a near match into the case; answers the case's status after it.</summary>
    public static async Task<string> ApplyAsync(
        UnitOfWork work, ConsentIndex participation, Pair pair, Guid agencyId, DateTimeOffset now, CancellationToken ct)
    {
        var (self, other, otherCase) = (pair.Self, pair.Other!, pair.OtherCase!);
        // The young person is in contact through the other case if it is open: the case that carries on is open too.
        var previous = pair.Case.Status;
        var status = other.Status == CaseStatuses.Open ? CaseStatuses.Open : previous;
        await work.ExecuteAsync(Merge, new
        {
            CaseId = pair.Case.Id, OtherCaseId = otherCase.Id, self.PersonId, OtherPersonId = other.PersonId, Status = status,
            PreviousStatus = previous, OtherLastContactAt = otherCase.LastContactAt, AgencyId = agencyId, Now = now,
        }, ct);
        // The other case's agencies take part here at once; every other service's projection learns it from the event.
        var merged = new CasesMerged(pair.Case.Id, otherCase.Id, self.PersonId, other.PersonId, now);
        await ConsentProjection.MergeAsync(work, participation, merged, now, ct);
        var closed = new CaseClosed(otherCase.Id, other.PersonId, otherCase.LeadAgencyId, CaseCloseReasons.Merged, now);
        await ConsentProjection.CloseAsync(work, participation, closed, now, ct);
        work.Publish(merged);
        work.Publish(closed);
        return status;
    }

    public sealed class LockedCase
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public Guid? MergedInto { get; init; }
        public Guid? LeadAgencyId { get; init; }
        public DateTimeOffset LastContactAt { get; init; }
    }
}
