using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;

namespace ReferralNet.Intake.Features.ViewCase;

public sealed record PersonView(
    string FamilyName, string GivenName, string? FamilyNameKana, string? GivenNameKana, DateOnly BirthDate, string Municipality);

public sealed record ContactView(string? Email, string? Phone);

public sealed record TimelineEntry(DateTimeOffset At, string Kind, Guid AgencyId, string? Text);

/// <summary>
/// The shared case as this caller may see it. Each category of personal data is <c>null</c> unless the person's consent
/// permits it to the caller's agency for coordination: <c>person</c> (identity), <c>contact</c>, <c>needs</c> and
/// <c>summary</c> (needs-summary). Timeline entries are ids and codes; their texts (case-notes) come with the timeline.
/// </summary>
public sealed record CaseView(
    Guid CaseId, string Status, Guid? LeadAgencyId, IReadOnlyList<Guid> Participants, PersonView? Person, ContactView? Contact,
    IReadOnlyList<string>? Needs, string? Summary, IReadOnlyList<TimelineEntry> Timeline);

public static class ViewCaseEndpoint
{
    public const string Purpose = "coordination";
    private static readonly string[] Categories = ["identity", "contact", "needs-summary"];

    public static void MapViewCase(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/cases/{caseId:guid}", Handle).RequireAuthorization(Policies.Worker);

    /// <summary>
    /// 404 for a case that does not exist and for an agency that takes part in none of the person's cases (so existence
    /// does not leak); that attempt is still logged as denied reads.
    /// </summary>
    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Handle(
        Guid caseId, HttpContext http, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        await using var work = await database.BeginAsync(ct);
        var found = await work.QuerySingleOrDefaultAsync<CaseRow>(
            "SELECT id, person_id AS PersonId, status, lead_agency_id AS LeadAgencyId FROM cases WHERE id = @CaseId", new { CaseId = caseId }, ct);
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

        var participants = (await work.QueryAsync<Guid>(
            "SELECT agency_id FROM case_participants WHERE case_id = @CaseId ORDER BY joined_at", new { CaseId = caseId }, ct)).ToList();
        var referrals = (await work.QueryAsync<ReferralRow>(
            """
            SELECT created_at AS At, from_agency_id AS AgencyId, needs, summary FROM referrals
            WHERE case_id = @CaseId ORDER BY created_at
            """, new { CaseId = caseId }, ct)).ToList();
        var person = Permitted("identity") || Permitted("contact")
            ? await work.QuerySingleOrDefaultAsync<PersonRow>(
                """
                SELECT family_name AS FamilyName, given_name AS GivenName, family_name_kana AS FamilyNameKana,
                       given_name_kana AS GivenNameKana, birth_date AS BirthDate, municipality, email, phone
                FROM persons WHERE id = @PersonId
                """, new { found.PersonId }, ct)
            : null;
        await work.CommitAsync(ct);

        return TypedResults.Ok(new CaseView(
            caseId, found.Status, found.LeadAgencyId, participants,
            Permitted("identity") ? person!.ToView() : null,
            Permitted("contact") ? new ContactView(person!.Email, person.Phone) : null,
            Permitted("needs-summary") ? referrals.SelectMany(r => JsonSerializer.Deserialize<string[]>(r.Needs)!).Distinct().ToList() : null,
            Permitted("needs-summary") ? referrals.FirstOrDefault()?.Summary : null,
            referrals.Select(r => new TimelineEntry(r.At, "referral-submitted", r.AgencyId, null)).ToList()));
    }

    private sealed record CaseRow(Guid Id, Guid PersonId, string Status, Guid? LeadAgencyId);

    private sealed class ReferralRow
    {
        public DateTimeOffset At { get; init; }
        public Guid AgencyId { get; init; }
        public string Needs { get; init; } = "[]";
        public string Summary { get; init; } = "";
    }

    private sealed class PersonRow
    {
        public string FamilyName { get; init; } = "";
        public string GivenName { get; init; } = "";
        public string? FamilyNameKana { get; init; }
        public string? GivenNameKana { get; init; }
        public DateTime BirthDate { get; init; }
        public string Municipality { get; init; } = "";
        public string? Email { get; init; }
        public string? Phone { get; init; }

        public PersonView ToView() =>
            new(FamilyName, GivenName, FamilyNameKana, GivenNameKana, DateOnly.FromDateTime(BirthDate), Municipality);
    }
}
