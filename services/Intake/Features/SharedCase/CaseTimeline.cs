namespace ReferralNet.Intake.Features.SharedCase;

/// <summary>
/// The case's one chronological list. Entries are ids and codes (the referral, handoff, consent or case they are about;
/// a decline reason, an outcome), so each reader sees the case's history through their own consent.
/// </summary>
public static class CaseTimeline
{
    /// <summary>The rows of a case and of every case merged into it (merged cases point straight at the survivor).</summary>
    public const string OfCaseAndMerged = "(case_id = @CaseId OR case_id IN (SELECT id FROM cases WHERE merged_into = @CaseId))";

    public sealed record Entry
    {
        public Guid CaseId { get; init; }
        public DateTimeOffset At { get; init; }
        public string Kind { get; init; } = "";
        public Guid? AgencyId { get; init; }
        public Guid? RefId { get; init; }
        public string? Detail { get; init; }
    }

    /// <summary>
    /// The entries of a case and of every case merged into it, in the order things happened. The caller pages nothing
    /// (a case's history is short).
    /// </summary>
    public const string OfCase = $"""
        SELECT at, kind, agency_id AS AgencyId, ref_id AS RefId, detail, case_id AS CaseId FROM case_timeline
        WHERE {OfCaseAndMerged}
        ORDER BY at, seq
        """;
}
