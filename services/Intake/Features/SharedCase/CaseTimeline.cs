using ReferralNet.BuildingBlocks.Data;

namespace ReferralNet.Intake.Features.SharedCase;

/// <summary>
/// The case's one chronological list. Entries are ids and codes (the referral, handoff, consent or case they are about;
/// a decline reason, an outcome), so each reader sees the case's history through their own consent.
/// </summary>
public static class CaseTimeline
{
    public const string CaseOpened = "case-opened";
    public const string ReferralSubmitted = "referral-submitted";
    public const string StatusChanged = "status-changed";
    public const string LeadChanged = "lead-changed";
    public const string CaseMerged = "case-merged";

    public const string Record = """
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        VALUES (@CaseId, @At, @Kind, @AgencyId, @RefId, @Detail)
        """;

    public sealed record Entry
    {
        public Guid CaseId { get; init; }
        public DateTimeOffset At { get; init; }
        public string Kind { get; init; } = "";
        public Guid? AgencyId { get; init; }
        public Guid? RefId { get; init; }
        public string? Detail { get; init; }
    }

    public static Task RecordAsync(UnitOfWork work, Entry entry, CancellationToken ct) => work.ExecuteAsync(Record, entry, ct);

    /// <summary>
    /// The entries of a case and of every case merged into it, in the order things happened. Dialect: the
    /// IN-subquery and ORDER BY are portable; the caller pages nothing (a case's history is short).
    /// </summary>
    public const string OfCase = """
        SELECT at, kind, agency_id AS AgencyId, ref_id AS RefId, detail, case_id AS CaseId FROM case_timeline
        WHERE case_id = @CaseId OR case_id IN (SELECT id FROM cases WHERE merged_into = @CaseId)
        ORDER BY at, seq
        """;
}
