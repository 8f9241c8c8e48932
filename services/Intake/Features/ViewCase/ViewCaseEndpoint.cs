using System.Data;
using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.ViewCase;

/// <summary>Names are null for a young person who referred themself with a nickname only.</summary>
public sealed record PersonView(
    string? FamilyName, string? GivenName, string? FamilyNameKana, string? GivenNameKana, string? Nickname, DateOnly? BirthDate,
    string? Municipality);

public sealed record ContactView(string? Email, string? Phone, string? Line, string? Preferred);

/// <summary>
/// One entry of the case's history. <see cref="RefId"/> is the referral, handoff, consent or case it is about;
/// <see cref="Text"/> is its code detail (a status, a decline reason, an outcome), shown with case-notes consent only.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, [property: CodeList(typeof(TimelineKinds))] string Kind, Guid? AgencyId, Guid? RefId, string? Text);

/// <summary>
/// The shared case as this caller may see it. Each category of personal data is <c>null</c> unless the person's consent
/// permits it to the caller's agency for coordination: <c>person</c> (identity), <c>contact</c>, <c>needs</c> and
/// <c>summary</c> (needs-summary), and the timeline's texts (case-notes). <c>mergedInto</c> names the case that carries
/// on when this one was merged. <c>personId</c> (an id, additive to API.md) is what a worker records consent for.
/// </summary>
public sealed record CaseView(
    Guid CaseId, Guid PersonId, string Status, Guid? LeadAgencyId, Guid? MergedInto, IReadOnlyList<Guid> Participants, PersonView? Person,
    ContactView? Contact, IReadOnlyList<string>? Needs, string? Summary, IReadOnlyList<TimelineEntry> Timeline);

public static class ViewCaseEndpoint
{
    public const string Purpose = ConsentPurposes.Coordination;
    private static readonly string[] Categories = [DataCategories.Identity, DataCategories.Contact, DataCategories.NeedsSummary, DataCategories.CaseNotes];

    private const string ReadCase = """
        SELECT id, person_id AS PersonId, status, lead_agency_id AS LeadAgencyId, merged_into AS MergedInto
        FROM cases WHERE id = @CaseId
        """;

    // The stories of this case and of the cases merged into it; the first one told is the case's summary.
    private const string ReadReferrals = $"""
        SELECT needs, summary FROM referrals
        WHERE {CaseTimeline.OfCaseAndMerged}
        ORDER BY created_at
        """;

    private const string ReadParticipants =
        "SELECT agency_id FROM case_participation WHERE case_id = @CaseId AND ended_at IS NULL ORDER BY joined_at, agency_id";

    private const string ReadPerson = """
        SELECT family_name AS FamilyName, given_name AS GivenName, family_name_kana AS FamilyNameKana,
               given_name_kana AS GivenNameKana, nickname, birth_date AS BirthDate, municipality, email, phone,
               line_id AS Line, contact_preference AS Preferred
        FROM persons WHERE id = @PersonId
        """;

    public static void MapViewCase(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/cases/{caseId:guid}", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("GetCase").WithSummary("The shared case and its timeline; fields without the young person's consent are null");

    /// <summary>
    /// 404 for a case that does not exist and for an agency that takes part in none of the person's cases (so existence
    /// does not leak); that attempt is still logged as denied reads.
    /// </summary>
    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Handle(
        Guid caseId, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct)
    {
        // One snapshot for the case, its participants and its timeline: a lead change committing in between must not
        // show a timeline that says "lead-changed" next to the old lead.
        await using var work = await database.BeginAsync(ct, IsolationLevel.RepeatableRead);
        var found = await work.QuerySingleOrDefaultAsync<CaseRow>(ReadCase, new { CaseId = caseId }, ct);
        if (found is null)
        {
            return Problems.NotFound("The case");
        }
        var decisions = await consents.DecideAndRecordAsync(work, caller, found.PersonId, caseId, Categories, Purpose, time.GetUtcNow(), ct);
        if (decisions.Values.All(d => d.Reason == DenyReasons.NotParticipating))
        {
            await work.CommitAsync(ct);
            return Problems.NotFound("The case");
        }
        bool Permitted(string category) => decisions[category].Permitted;

        var ids = new { CaseId = caseId, found.PersonId };
        var participants = (await work.QueryAsync<Guid>(ReadParticipants, ids, ct)).ToList();
        var timeline = (await work.QueryAsync<CaseTimeline.Entry>(CaseTimeline.OfCase, ids, ct)).ToList();
        var referrals = Permitted(DataCategories.NeedsSummary) ? (await work.QueryAsync<ReferralRow>(ReadReferrals, ids, ct)).ToList() : [];
        var person = Permitted(DataCategories.Identity) || Permitted(DataCategories.Contact) ? await work.QuerySingleOrDefaultAsync<PersonRow>(ReadPerson, ids, ct) : null;
        await work.CommitAsync(ct);

        var notes = Permitted(DataCategories.CaseNotes);
        return TypedResults.Ok(new CaseView(
            caseId, found.PersonId, found.Status, found.LeadAgencyId, found.MergedInto, participants,
            Permitted(DataCategories.Identity) ? person!.ToView() : null,
            Permitted(DataCategories.Contact) ? new ContactView(person!.Email, person.Phone, person.Line, person.Preferred) : null,
            Permitted(DataCategories.NeedsSummary) ? referrals.SelectMany(r => r.Needs).Distinct().ToList() : null,
            Permitted(DataCategories.NeedsSummary) ? referrals.Select(r => r.Summary).FirstOrDefault(s => s.Length > 0) : null,
            timeline.Select(e => new TimelineEntry(e.At, e.Kind, e.AgencyId, e.RefId, notes ? e.Detail : null)).ToList()));
    }

    private sealed record CaseRow(Guid Id, Guid PersonId, string Status, Guid? LeadAgencyId, Guid? MergedInto);

    private sealed class ReferralRow
    {
        public IReadOnlyList<string> Needs { get; init; } = [];
        public string Summary { get; init; } = "";
    }

    private sealed class PersonRow
    {
        public string? FamilyName { get; init; }
        public string? GivenName { get; init; }
        public string? FamilyNameKana { get; init; }
        public string? GivenNameKana { get; init; }
        public string? Nickname { get; init; }
        public DateTime? BirthDate { get; init; }
        public string? Municipality { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Line { get; init; }
        public string? Preferred { get; init; }

        public PersonView ToView() => new(
            FamilyName, GivenName, FamilyNameKana, GivenNameKana, Nickname, BirthDate is { } day ? DateOnly.FromDateTime(day) : null, Municipality);
    }
}
