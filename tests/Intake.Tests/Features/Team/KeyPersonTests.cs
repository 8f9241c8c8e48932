using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.Team;

/// <summary>API-v3 §1: the lead names the team's key person; the young person may ask for another.</summary>
[Collection(NetworkCollection.Name)]
public sealed class KeyPersonTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task The_lead_names_a_key_person_of_a_member_agency_and_the_team_shows_them()
    {
        var referrals = new Referrals(_network);
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "Key High");
        var (outsider, outsiderAgency) = await referrals.WorkerOfNewAgencyAsync("clinic", "Key Clinic");
        var opened = await ReferAsync(school, Scenario.Referral("森", $"鍵{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown()));
        var caseId = IdOf(opened, "caseId");
        var keyPerson = $"/api/intake/cases/{caseId}/key-person";

        var before = await Scenario.ReadAsync(await school.GetAsync($"/api/intake/cases/{caseId}/team"), HttpStatusCode.OK);
        var notAMember = await school.PutAsJsonAsync(keyPerson, new { agencyId = outsiderAgency, displayName = "中村 さん" });
        var nameless = await school.PutAsJsonAsync(keyPerson, new { agencyId = schoolAgency, displayName = " " });
        var fromOutside = await outsider.PutAsJsonAsync(keyPerson, new { agencyId = outsiderAgency, displayName = "中村 さん" });
        var named = await Scenario.ReadAsync(await school.PutAsJsonAsync(keyPerson, new { agencyId = schoolAgency, displayName = " 佐藤 先生 " }), HttpStatusCode.OK);
        var after = await Scenario.ReadAsync(await school.GetAsync($"/api/intake/cases/{caseId}/team"), HttpStatusCode.OK);

        Assert.Null(before["keyPerson"]);
        Assert.Contains("agencyId", (await Scenario.ReadProblemAsync(notAMember, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("displayName", (await Scenario.ReadProblemAsync(nameless, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        await Scenario.ReadProblemAsync(fromOutside, HttpStatusCode.NotFound);
        Assert.Equal((schoolAgency, "佐藤 先生"), (IdOf(named, "agencyId"), named["displayName"]!.GetValue<string>()));
        Assert.Equal((schoolAgency, "佐藤 先生"), (IdOf(after["keyPerson"]!.AsObject(), "agencyId"), after["keyPerson"]!["displayName"]!.GetValue<string>()));
        Assert.Equal("key-person-named", KindsOf(await ViewAsync(school, caseId))[^1]);
    }

    [Fact]
    public async Task The_young_persons_request_for_another_key_person_is_the_leads_task_until_one_is_named_again()
    {
        var referrals = new Referrals(_network);
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "Change High");
        var opened = await ReferAsync(school, Scenario.Referral("林", $"替{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown()));
        var caseId = IdOf(opened, "caseId");
        await Scenario.ReadAsync(await school.PutAsJsonAsync($"/api/intake/cases/{caseId}/key-person",
            new { agencyId = schoolAgency, displayName = "佐藤 先生" }), HttpStatusCode.OK);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, opened["youthAccessCode"]!.GetValue<string>());
        using var _ = youth;

        var asked = await youth.PostAsJsonAsync($"/api/intake/cases/{caseId}/key-person/change-request", new { note = "女性の方がいいです" });
        var byTheWorker = await school.PostAsJsonAsync($"/api/intake/cases/{caseId}/key-person/change-request", new { note = "" });
        var task = await TaskOfAsync(school, caseId);
        var team = await Scenario.ReadAsync(await school.GetAsync($"/api/intake/cases/{caseId}/team"), HttpStatusCode.OK);
        await Scenario.ReadAsync(await school.PutAsJsonAsync($"/api/intake/cases/{caseId}/key-person",
            new { agencyId = schoolAgency, displayName = "鈴木 先生" }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await Scenario.ReadProblemAsync(byTheWorker, HttpStatusCode.NotFound); // a route of the young person's own, as removing an agency is
        Assert.Equal(("key-person-change", schoolAgency), (task!["kind"]!.GetValue<string>(), IdOf(task.AsObject(), "agencyId")));
        Assert.Equal("女性の方がいいです", team["keyPersonChangeRequest"]!["note"]!.GetValue<string>());
        Assert.Null(await TaskOfAsync(school, caseId));
        Assert.Contains("key-person-change-requested", KindsOf(await ViewAsync(school, caseId)));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode?> TaskOfAsync(HttpClient lead, Guid caseId) =>
        (await Scenario.ReadAsync(await lead.GetAsync("/api/intake/tasks"), HttpStatusCode.OK))["items"]!.AsArray()
            .SingleOrDefault(t => IdOf(t!.AsObject(), "caseId") == caseId && t["kind"]!.GetValue<string>() == "key-person-change");
}
