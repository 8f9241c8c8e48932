using System.Text;
using ReferralNet.Intake.Features.OpenReferral;
using ReferralNet.Intake.Features.SharedCase;
using ReferralNet.Intake.Features.ViewCase;

namespace ReferralNet.Intake.Features.ListCases;

/// <summary>
/// A case in a worker's list (API-v3 §9): its reference, status, lead and dates; the age band; and, as the young
/// person's consent lets this agency see them, the name (or nickname) and the needs. Each such read is logged.
/// </summary>
public sealed record CaseListItem
{
    public Guid CaseId { get; init; }

    /// <summary>The reference a worker reads and says aloud (RN-…).</summary>
    public string Reference => CaseReference.Of(CaseId);

    public string Status { get; init; } = "";
    public Guid? LeadAgencyId { get; init; }
    public bool Leading { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset LastContactAt { get; init; }

    /// <summary>When the case next waits for someone (<see cref="SharedCase.CaseDeadlines"/>); null when it waits for no one.</summary>
    public DateTimeOffset? NextDue { get; init; }

    /// <summary>The name, else the nickname; null when not shared with the caller's agency (or not given).</summary>
    public string? DisplayName { get; init; }

    /// <summary>A code of <see cref="AgeBands"/>; null when the birth date is not known.</summary>
    [CodeList(typeof(AgeBands))]
    public string? AgeBand { get; init; }

    /// <summary>Needs of the case's referrals; null when not shared with the caller's agency.</summary>
    public IReadOnlyList<string>? Needs { get; init; }
}

public sealed record ListCasesQuery(
    bool? Participating, string? Q, string? Status, Guid? Lead, bool? Overdue, Guid[]? Case, string? Sort, int? Limit, Guid? Cursor)
{
    public const int MostQueryLength = 100;
    public const int MostWords = 4;
    public const int MostCases = 100;

    public ValidationErrors Validate() => new ValidationErrors()
        .Check(Participating != false, "participating", ErrorCodes.NotAllowed, "must be true: a worker lists the cases their agency takes part in")
        .Check((Q?.Length ?? 0) <= MostQueryLength, "q", ErrorCodes.TooLong, $"must be at most {MostQueryLength} characters")
        .Check(Words.Count <= MostWords, "q", ErrorCodes.OutOfRange, $"must have at most {MostWords} words")
        .Check((Case?.Length ?? 0) <= MostCases, "case", ErrorCodes.OutOfRange, $"must name at most {MostCases} cases")
        .OptionalCode(Status, CaseStatuses.All, "status")
        .OptionalCode(Sort, CaseSorts.All, "sort");

    /// <summary>The id's end a reference names, when <see cref="Q"/> is one: then only that case is found.</summary>
    public string? IdEnd => CaseReference.IdEndOf(Q);

    /// <summary>
    /// The words of a name search, each as a LIKE pattern over the person's <c>name_search</c> (0007_caseload.sql), folded
    /// as it is: width, case and hiragana/katakana alike (やまだ finds ヤマダ), wildcards taken literally.
    /// </summary>
    public IReadOnlyList<string> Words => IdEnd is not null ? [] : (Q ?? "").Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);

    public string[]? Patterns => Words.Count == 0 ? null
        : [.. Words.Select(w => $"%{Fold(w).Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%")];

    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant());
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] is >= 'ぁ' and <= 'ゖ')
            {
                folded[i] = (char)(folded[i] + 0x60);
            }
        }
        return folded.ToString();
    }
}

/// <summary>
/// The cases the caller's agency leads or is a member of (pending is not enough). Without <c>status</c> the closed ones
/// are left out (a merged case is closed); <c>status=dormant</c> is the agency's re-contact list. <c>q</c>: a reference
/// finds its case; words find the cases whose names, kana or nickname hold every word, among those whose identity
/// this agency may see; <c>overdue=true</c>: the cases whose next due has passed; <c>case=</c> (repeated): only these
/// cases, as a list of tasks names them. By id as v1 listed them, or most
/// recently in contact first (<c>sort=updated</c>), most recently opened first (<c>sort=opened</c>), or the soonest due
/// first (<c>sort=due</c>, cases waiting for no one last).
/// </summary>
public static class ListCasesEndpoint
{
    private const string Participating = $"""
        SELECT c.id AS CaseId, c.person_id AS PersonId, c.status, c.lead_agency_id AS LeadAgencyId, c.lead_agency_id = @AgencyId AS Leading,
               c.opened_at AS OpenedAt, COALESCE(c.last_contact_at, c.opened_at) AS LastContactAt, {CaseDeadlines.NextDueOfCase} AS NextDue,
               pe.family_name AS FamilyName, pe.given_name AS GivenName, pe.nickname, pe.birth_date AS BirthDate,
               CAST((SELECT COALESCE(jsonb_agg(DISTINCT need ORDER BY need), '[]')
                     FROM referrals r, jsonb_array_elements_text(CAST(r.needs AS jsonb)) AS need WHERE r.case_id = c.id) AS text) AS Needs
        FROM case_participation p JOIN cases c ON c.id = p.case_id JOIN case_persons cp ON cp.case_id = c.id JOIN persons pe ON pe.id = c.person_id
        WHERE p.agency_id = @AgencyId AND p.ended_at IS NULL
          AND {ConsentProjection.NotShutOut}
          AND ((@Status IS NULL AND c.status <> '{CaseStatuses.Closed}') OR c.status = @Status)
          AND (CAST(@Lead AS uuid) IS NULL OR c.lead_agency_id = @Lead)
          AND (CAST(@IdEnd AS text) IS NULL OR right(replace(CAST(c.id AS text), '-', ''), 10) = @IdEnd)
          AND (CAST(@Patterns AS text[]) IS NULL OR pe.name_search LIKE ALL (@Patterns))
          AND (CAST(@Overdue AS boolean) IS NOT TRUE OR {CaseDeadlines.NextDueOfCase} < @Now)
          AND (CAST(@Cases AS uuid[]) IS NULL OR c.id = ANY(@Cases))
        """;

    private static readonly string ByUpdate = Keyset.PagedNewestFirstBy(Participating, "COALESCE(c.last_contact_at, c.opened_at)", "c.id",
        "SELECT COALESCE(last_contact_at, opened_at) FROM cases WHERE id = @Cursor");

    private static readonly string ByOpening = Keyset.PagedNewestFirst(Participating, "c.id");

    private static readonly string ByDue = Keyset.PagedSoonestFirstBy(Participating, CaseDeadlines.NextDueOfCase, "c.id",
        $"SELECT {CaseDeadlines.NextDueOfCase} FROM cases c WHERE c.id = @Cursor");

    /// <summary>v1's order, when no sort is asked for: by id (oldest first).</summary>
    private static readonly string ById = Keyset.Paged(Participating, "c.id");

    /// <summary>What a list reads of each case's person, decided for this agency one case at a time.</summary>
    private static readonly string[] Categories = [DataCategories.Identity, DataCategories.NeedsSummary];

    public static void MapListCases(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/cases", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("ListCases").WithSummary("The cases the caller's agency leads or is a member of: found by reference or name, filtered, sorted, paged");

    private static async Task<Results<Ok<Page<CaseListItem>>, ProblemHttpResult>> Handle(
        [AsParameters] ListCasesQuery query, Caller caller, Database database, ConsentIndex consents, IOptions<ParticipationOptions> participation,
        IOptions<IntakeOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        var filter = new
        {
            caller.AgencyId, query.Status, query.Lead, query.IdEnd, query.Patterns, query.Overdue, Now = now,
            Cases = query.Case is { Length: > 0 } cases ? cases : null,
            ShutOutBefore = now - participation.Value.ClosedCaseReadableFor,
            options.Value.AdmitWithin, options.Value.DeskContactWithin,
        };
        await using var work = await database.BeginAsync(ct);
        var list = query.Sort switch { CaseSorts.Updated => ByUpdate, CaseSorts.Opened => ByOpening, CaseSorts.Due => ByDue, _ => ById };
        var page = await work.PageAsync<CaseRow>(list, filter, query.Limit, query.Cursor, c => c.CaseId, ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var items = new List<CaseListItem>(page.Items.Count);
        foreach (var row in page.Items)
        {
            var decisions = await consents.DecideAndRecordAsync(work, caller, row.PersonId, row.CaseId, Categories, ViewCaseEndpoint.Purpose, now, ct);
            var named = decisions[DataCategories.Identity].Permitted;
            // A name search finds only names this agency may see.
            if (query.Patterns is null || named)
            {
                items.Add(row.ToItem(named, decisions[DataCategories.NeedsSummary].Permitted, today));
            }
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(new Page<CaseListItem>(items, page.NextCursor));
    }

    private sealed class CaseRow
    {
        public Guid CaseId { get; init; }
        public Guid PersonId { get; init; }
        public string Status { get; init; } = "";
        public Guid? LeadAgencyId { get; init; }
        public bool Leading { get; init; }
        public DateTimeOffset OpenedAt { get; init; }
        public DateTimeOffset LastContactAt { get; init; }
        public DateTimeOffset? NextDue { get; init; }
        public string? FamilyName { get; init; }
        public string? GivenName { get; init; }
        public string? Nickname { get; init; }
        public DateTime? BirthDate { get; init; }
        public IReadOnlyList<string> Needs { get; init; } = [];

        public CaseListItem ToItem(bool named, bool needsShared, DateOnly today) => new()
        {
            CaseId = CaseId, Status = Status, LeadAgencyId = LeadAgencyId, Leading = Leading, OpenedAt = OpenedAt, LastContactAt = LastContactAt,
            NextDue = NextDue,
            DisplayName = !named ? null : FamilyName is not null ? $"{FamilyName} {GivenName}" : Nickname,
            AgeBand = BirthDate is { } born ? AgeBands.Of(OpenReferralRequest.AgeOn(DateOnly.FromDateTime(born), today)) : null,
            Needs = needsShared ? Needs : null,
        };
    }
}
