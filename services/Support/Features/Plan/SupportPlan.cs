using ReferralNet.Support.Features.Reviews;

namespace ReferralNet.Support.Features.Plan;

/// <summary>A goal of the plan, in the young person's words.</summary>
[StoredAsJson]
public sealed record Goal(Guid Id, string Text, [property: CodeList(typeof(GoalStatuses))] string Status);

/// <summary>A step along the pathway, with the agency that owns it and the day it is due.</summary>
[StoredAsJson]
public sealed record Step(
    Guid Id, [property: CodeList(typeof(StepKinds))] string Kind, string Title, Guid OwnerAgencyId, DateOnly Due,
    [property: CodeList(typeof(StepStatuses))] string Status);

/// <summary>A comment of the young person on their plan, on the version they read.</summary>
public sealed record PlanComment
{
    public Guid Id { get; init; }
    public int PlanVersion { get; init; }
    public string Text { get; init; } = "";
    public DateTimeOffset WrittenAt { get; init; }
}

/// <summary>The plan as its readers see it (API-v3 §4), with the young person's comments.</summary>
public sealed record PlanView(
    Guid CaseId, string CaseReference, int Version, IReadOnlyList<Goal> Goals, IReadOnlyList<Step> Steps, DateOnly NextReviewDue,
    bool ReviewOverdue, DateTimeOffset? YouthAgreedAt, int? YouthAgreedVersion, DateTimeOffset UpdatedAt, IReadOnlyList<PlanComment> Comments);

/// <summary>
/// The support plan of one case: one row as it stands, and every version of it kept. Each change — a write, a move of
/// a step, a review — is a new version, so a writer who read an older one is told (412) rather than overwriting.
/// </summary>
public sealed class SupportPlan
{
    private const string Columns = """
        case_id AS CaseId, version, goals, steps, next_review_due AS NextReviewDue, youth_agreed_at AS YouthAgreedAt,
        youth_agreed_version AS YouthAgreedVersion, updated_at AS UpdatedAt
        """;

    private const string ReadOne = $"SELECT {Columns} FROM plans WHERE case_id = @CaseId";

    private const string ReadOfPerson = $"""
        SELECT {Columns} FROM plans WHERE case_id IN (SELECT case_id FROM case_persons WHERE person_id = @PersonId)
        ORDER BY created_at DESC
        """;

    private const string ReadComments = """
        SELECT id, case_id AS CaseId, plan_version AS PlanVersion, text, written_at AS WrittenAt FROM plan_comments
        WHERE case_id = ANY(@CaseIds) ORDER BY written_at DESC LIMIT 50
        """;

    // Only over the version it replaces: a concurrent first write of the same plan finds a row and stores nothing.
    private const string Save = """
        INSERT INTO plans (case_id, version, goals, steps, next_review_due, created_at, updated_at)
        VALUES (@CaseId, @Version, @Goals, @Steps, @NextReviewDue, @Now, @Now)
        ON CONFLICT (case_id) DO UPDATE SET version = EXCLUDED.version, goals = EXCLUDED.goals, steps = EXCLUDED.steps,
            next_review_due = EXCLUDED.next_review_due, updated_at = EXCLUDED.updated_at
        WHERE plans.version = @Version - 1
        """;

    private const string Keep = """
        INSERT INTO plan_versions (id, case_id, version, goals, steps, next_review_due, change, agency_id, saved_at)
        VALUES (@Id, @CaseId, @Version, @Goals, @Steps, @NextReviewDue, @Change, @AgencyId, @Now)
        """;

    public Guid CaseId { get; init; }
    public int Version { get; init; }
    public IReadOnlyList<Goal> Goals { get; init; } = [];
    public IReadOnlyList<Step> Steps { get; init; } = [];
    public DateOnly NextReviewDue { get; init; }
    public DateTimeOffset? YouthAgreedAt { get; init; }
    public int? YouthAgreedVersion { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The plan, locked for a change when <paramref name="forUpdate"/> (a change reads the version it replaces).</summary>
    public static Task<SupportPlan?> FindAsync(UnitOfWork work, Guid caseId, CancellationToken ct, bool forUpdate = false) =>
        work.QuerySingleOrDefaultAsync<SupportPlan>(forUpdate ? $"{ReadOne} FOR UPDATE" : ReadOne, new { CaseId = caseId }, ct);

    public static async Task<IReadOnlyList<SupportPlan>> OfPersonAsync(UnitOfWork work, Guid personId, CancellationToken ct) =>
        [.. await work.QueryAsync<SupportPlan>(ReadOfPerson, new { PersonId = personId }, ct)];

    public static async Task<ILookup<Guid, PlanComment>> CommentsAsync(UnitOfWork work, IEnumerable<Guid> caseIds, CancellationToken ct) =>
        (await work.QueryAsync<CommentRow>(ReadComments, new { CaseIds = caseIds.ToArray() }, ct))
        .ToLookup(c => c.CaseId, c => new PlanComment { Id = c.Id, PlanVersion = c.PlanVersion, Text = c.Text, WrittenAt = c.WrittenAt });

    /// <summary>
    /// Stores this plan as <see cref="Version"/> (one more than the version it replaces, which the caller holds locked)
    /// and keeps the version; the review's deadline moves with the review date.
    /// </summary>
    /// <returns>False when another writer stored this version first (nothing was stored).</returns>
    public async Task<bool> SaveAsync(UnitOfWork work, string change, Guid? agencyId, ReviewDeadline deadline, DateTimeOffset now, CancellationToken ct)
    {
        var version = new
        {
            Id = Guid.CreateVersion7(), CaseId, Version, Goals, Steps, NextReviewDue, Change = change, AgencyId = agencyId, Now = now,
        };
        if (await work.ExecuteAsync(Save, version, ct) == 0)
        {
            return false;
        }
        await work.ExecuteAsync(Keep, version, ct);
        await deadline.ScheduleAsync(work, CaseId, NextReviewDue, now, ct);
        return true;
    }

    public PlanView ToView(IEnumerable<PlanComment> comments, DateOnly today) => new(
        CaseId, CaseReference.Of(CaseId), Version, Goals, Steps, NextReviewDue, today > NextReviewDue, YouthAgreedAt, YouthAgreedVersion,
        UpdatedAt, [.. comments]);

    private sealed class CommentRow
    {
        public Guid Id { get; init; }
        public Guid CaseId { get; init; }
        public int PlanVersion { get; init; }
        public string Text { get; init; } = "";
        public DateTimeOffset WrittenAt { get; init; }
    }

    /// <summary>The entity tag of a version: what GET and PUT answer in <c>ETag</c> and a writer sends back in <c>If-Match</c>.</summary>
    public static string ETagOf(int version) => $"\"{version}\"";

    /// <summary>The version an <c>If-Match</c> header names (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>), or null when it names none.</summary>
    public static int? VersionIn(string? ifMatch) =>
        ifMatch?.Trim() is { Length: > 0 } tag && int.TryParse(tag.Replace("W/", "", StringComparison.Ordinal).Trim('"'), out var version)
            ? version
            : null;
}
