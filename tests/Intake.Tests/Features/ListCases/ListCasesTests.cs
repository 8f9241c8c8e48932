using System.Net;
using System.Text.Json.Nodes;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.ListCases;

/// <summary>The cases an agency takes part in, and API-v3 §9's caseload: found by reference or by name, filtered, sorted, paged.</summary>
[Collection(NetworkCollection.Name)]
public sealed class ListCasesTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task An_agency_lists_the_cases_it_takes_part_in_and_no_others_page_by_page()
    {
        var referrals = new Referrals(_network);
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "List High");
        var (clinic, _) = await referrals.WorkerOfNewAgencyAsync("clinic", "List Clinic");
        var ours = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ours.Add(IdOf(await ReferAsync(school, Scenario.Referral("伊藤", $"列{i}{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown())), "caseId"));
        }
        var theirs = IdOf(await ReferAsync(clinic, Scenario.Referral("伊藤", "他", UniqueBirthDate(), UniqueTown())), "caseId");

        var first = await Scenario.ReadAsync(await school.GetAsync("/api/intake/cases?participating=true&limit=2"), HttpStatusCode.OK);
        var second = await Scenario.ReadAsync(await school.GetAsync($"/api/intake/cases?participating=true&limit=2&cursor={first["nextCursor"]}"), HttpStatusCode.OK);

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(c => c!.AsObject()).ToList();
        Assert.Equal(ours.Order(), listed.Select(c => IdOf(c, "caseId")));
        Assert.DoesNotContain(theirs, listed.Select(c => IdOf(c, "caseId")));
        Assert.All(listed, c => Assert.True(c["leading"]!.GetValue<bool>()));
        Assert.All(listed, c => Assert.Equal(schoolAgency, IdOf(c, "leadAgencyId")));
        Assert.Null(second["nextCursor"]);
    }

    [Fact]
    public async Task A_list_of_tasks_reads_the_cases_it_names_and_only_those()
    {
        var (school, _) = await new Referrals(_network).WorkerOfNewAgencyAsync("school", "List High");
        var opened = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            opened.Add(IdOf(await ReferAsync(school, Scenario.Referral("佐藤", $"名{i}{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown())), "caseId"));
        }

        var named = await ListAsync(school, $"case={opened[0]}&case={opened[2]}&case={Guid.NewGuid()}");

        Assert.Equal([opened[0], opened[2]], Ids(named).Order());
        var tooMany = string.Join('&', Enumerable.Range(0, Intake.Features.ListCases.ListCasesQuery.MostCases + 1).Select(_ => $"case={Guid.NewGuid()}"));
        var problem = await Scenario.ReadProblemAsync(await school.GetAsync($"/api/intake/cases?participating=true&{tooMany}"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["case"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData("participating=false", "participating")]
    [InlineData("status=lost", "status")]
    public async Task A_list_query_outside_the_contract_gets_422_naming_the_parameter(string query, string field)
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());

        var problem = await Scenario.ReadProblemAsync(await worker.GetAsync($"/api/intake/cases?{query}"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_case_shows_when_it_next_waits_for_someone_sorts_by_it_and_is_found_overdue_once_that_has_passed()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        await referred.MatchesAsync(_network);
        var waitingForNothing = IdOf(await ReferAsync(referred.Teacher, Scenario.Referral("伊藤", "待", UniqueBirthDate(), UniqueTown())), "caseId");
        var offer = await referred.OfferAsync(_network, 0);
        var respondBy = offer["respondBy"]!.GetValue<DateTimeOffset>();

        // The offer's answer is what the case waits for: announced by handoff, read as the case's next due.
        var listed = await Eventually.Until(() => ListAsync(referred.Teacher, "sort=due"),
            items => NextDueOf(items, referred.CaseId) is not null, "the offer's answer to be the case's next due");
        Assert.Equal(respondBy, NextDueOf(listed, referred.CaseId)!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Null(NextDueOf(listed, waitingForNothing));
        Assert.Equal([referred.CaseId, waitingForNothing], Ids(listed)); // the soonest due first, a case waiting for no one last
        Assert.Empty(await ListAsync(referred.Teacher, "overdue=true"));

        try
        {
            _network.IntakeTime.Advance(respondBy - DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
            Assert.Equal([referred.CaseId], Ids(await ListAsync(referred.Teacher, "overdue=true")));
        }
        finally
        {
            _network.IntakeTime.Reset();
        }

        // Accepted: the answer is settled, and first contact is due instead.
        using var receiver = await _network.ClientAsync("worker", agency: referred.Peers);
        await Scenario.ReadAsync(await receiver.PostAsync($"/api/handoffs/{offer["handoffId"]}/accept", null), HttpStatusCode.OK);
        var accepted = await Eventually.Until(() => ListAsync(referred.Teacher, "sort=due"),
            items => NextDueOf(items, referred.CaseId) is { } due && due > respondBy, "first contact to be the case's next due");
        Assert.InRange(NextDueOf(accepted, referred.CaseId)!.Value, respondBy, DateTimeOffset.UtcNow.AddDays(30));
    }

    private static DateTimeOffset? NextDueOf(JsonArray items, Guid caseId) =>
        items.Single(i => i!["caseId"]!.GetValue<Guid>() == caseId)!["nextDue"]?.GetValue<DateTimeOffset>();

    private static async Task<JsonArray> ListAsync(HttpClient worker, string query) =>
        (await Scenario.ReadAsync(await worker.GetAsync($"/api/intake/cases?participating=true&{query}"), HttpStatusCode.OK))["items"]!.AsArray();

    private static IReadOnlyList<Guid> Ids(JsonArray items) => [.. items.Select(i => i!["caseId"]!.GetValue<Guid>())];

    [Fact]
    public async Task A_case_is_found_by_its_reference_however_it_is_typed_and_pages_follow_one_another_newest_first()
    {
        var (school, _) = await new Referrals(_network).WorkerOfNewAgencyAsync("school", "List High");
        var opened = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            opened.Add(IdOf(await ReferAsync(school, Scenario.Referral("佐藤", $"列{i}{Guid.NewGuid():N}"[..7], UniqueBirthDate(), UniqueTown())), "caseId"));
        }
        var reference = CaseReference.Of(opened[1]);

        var byReference = await ListAsync(school, $"q={reference}");
        var typedLoosely = await ListAsync(school, $"q={reference[3..].ToLowerInvariant()}");
        var first = await Scenario.ReadAsync(await school.GetAsync("/api/intake/cases?participating=true&sort=opened&limit=2"), HttpStatusCode.OK);
        var second = await ListAsync(school, $"sort=opened&limit=2&cursor={first["nextCursor"]}");

        Assert.Equal([opened[1]], Ids(byReference));
        Assert.Equal(reference, byReference[0]!["reference"]!.GetValue<string>());
        Assert.Equal([opened[1]], Ids(typedLoosely));
        Assert.Equal([opened[2], opened[1], opened[0]], [.. Ids(first["items"]!.AsArray()), .. Ids(second)]);
        Assert.Empty(await ListAsync(school, "q=RN-00000000"));
    }

    [Fact]
    public async Task Names_and_needs_show_and_are_found_only_once_the_young_person_shares_them_and_the_age_is_a_band()
    {
        var (school, _) = await new Referrals(_network).WorkerOfNewAgencyAsync("school", "Name High");
        var given = $"名{Guid.NewGuid():N}"[..6];
        var referral = await ReferAsync(school, Scenario.Referral("高橋", given, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-17).AddDays(-3).ToString("yyyy-MM-dd"),
            UniqueTown(), familyNameKana: "タカハシ"));
        var caseId = IdOf(referral, "caseId");

        var before = Assert.Single(await ListAsync(school, ""))!;
        var foundBefore = await ListAsync(school, $"q={Uri.EscapeDataString(given)}");
        await Scenario.ReadAsync(await Scenario.GrantAsync(school, IdOf(referral, "personId"), ["identity", "needs-summary"]), HttpStatusCode.Created);
        var shared = await Eventually.Until(async () => Assert.Single(await ListAsync(school, ""))!,
            item => item["displayName"] is not null, "the name shared with the school");
        var byKana = await ListAsync(school, $"q={Uri.EscapeDataString("たかはし " + given)}");

        Assert.Equal(caseId, before["caseId"]!.GetValue<Guid>());
        Assert.Null(before["displayName"]);
        Assert.Null(before["needs"]);
        Assert.Equal("15-19", before["ageBand"]!.GetValue<string>());
        Assert.Empty(foundBefore);
        Assert.Equal($"高橋 {given}", shared["displayName"]!.GetValue<string>());
        Assert.Equal(["mental-health", "social-connection"], shared["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([caseId], Ids(byKana));
    }

    [Fact]
    public async Task Filters_by_status_and_lead_and_a_bad_filter_is_refused()
    {
        var referrals = new Referrals(_network);
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "Filter High");
        var caseId = IdOf(await ReferAsync(school, Scenario.Referral("中村", $"濾{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown())), "caseId");

        var led = await ListAsync(school, $"lead={schoolAgency}");
        var ledByOthers = await ListAsync(school, $"lead={Guid.NewGuid()}");
        var dormant = await ListAsync(school, "status=dormant");
        var refused = await school.GetAsync("/api/intake/cases?participating=true&sort=alphabetical");

        Assert.Equal([caseId], Ids(led));
        Assert.Empty(ledByOthers);
        Assert.Empty(dormant);
        var problem = await Scenario.ReadAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("unknown-value", problem["errorCodes"]!["sort"]![0]!.GetValue<string>());
    }
}
