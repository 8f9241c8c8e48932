using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Team;

/// <summary>
/// The team around the young person (API-v3 §1) in the browser, by the keyboard alone: an agency that refers a person
/// who already has a case waits; the lead sees the task on "my work" and lets it join from the case page; the young
/// person sees who asks to join and removes an agency from their team.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamPagesTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_lead_lets_an_agency_that_asks_join_and_the_young_person_declines_another_and_removes_one(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var scenario = new Scenario(_network);
        var school = await scenario.CreateAgencyAsync("school", "Team High");
        var clinic = await scenario.CreateAgencyAsync("clinic", "Team Clinic");
        var centre = await scenario.CreateAgencyAsync("youth-support-centre", "Team Centre");
        var referral = Scenario.Referral(givenName: $"班{Guid.NewGuid():N}"[..8], birthDate: "2008-05-05");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Created);
        var caseId = opened["caseId"]!.GetValue<Guid>();
        foreach (var other in new[] { clinic, centre })
        {
            using var worker = await _network.ClientAsync("worker", agency: other);
            await Scenario.ReadAsync(await worker.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Accepted);
        }

        var lead = await Browsing.OpenAsync(fixture, language);
        await Browsing.SignInAsDemoAsync(lead, Roles.Worker, school);
        // The case list names the case by its reference, as the tasks do.
        await lead.GotoAsync("/worker/cases");
        await Assertions.Expect(lead.GetByRole(AriaRole.Link, new() { Name = CaseReference.Of(caseId) })).ToBeVisibleAsync();
        await Browsing.LookAsync(lead, $"worker-cases-{language}");
        await lead.GotoAsync("/worker");
        var task = lead.GetByRole(AriaRole.Link, new() { Name = t.Worker.TaskKinds[TaskKinds.AdmitMember] }).First;
        await Assertions.Expect(lead.Locator("#work")).ToContainTextAsync("Team Clinic");
        await Browsing.LookAsync(lead, $"worker-admit-task-{language}");
        await Browsing.PressAsync(lead, task);
        await lead.WaitForURLAsync($"**/worker/cases/{caseId}#team");
        var clinicRow = lead.Locator("#team li", new() { HasText = "Team Clinic" });
        await Assertions.Expect(clinicRow).ToContainTextAsync(t.Worker.Standings[Standings.Pending]);
        await Browsing.LookAsync(lead, $"worker-team-pending-{language}");
        await Browsing.PressAsync(lead, clinicRow.GetByRole(AriaRole.Button, new() { Name = t.Worker.Admit, Exact = true }));
        await lead.WaitForURLAsync("**?done=admitted#team");
        await Assertions.Expect(lead.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.Worker.Admitted);
        await Assertions.Expect(clinicRow).ToContainTextAsync(t.Worker.Standings[Standings.Member]);

        var (youthClient, signInName) = await YouthSignIn.EnrolAsync(_network, opened["youthAccessCode"]!.GetValue<string>());
        youthClient.Dispose();
        var youth = await Browsing.SignInAsYouthAsync(fixture, language, signInName, YouthSignIn.Passphrase);
        var asking = youth.Locator("section", new() { Has = youth.GetByRole(AriaRole.Heading, new() { Name = t.AsksToJoin }) });
        await Assertions.Expect(asking).ToContainTextAsync("Team Centre");
        await Browsing.LookAsync(youth, $"youth-team-asks-{language}");
        await Browsing.PressAsync(youth, asking.GetByRole(AriaRole.Button, new() { Name = t.NoThankYou }));
        await youth.WaitForURLAsync("**/youth?done=not-joined");
        await Assertions.Expect(youth.GetByRole(AriaRole.Heading, new() { Name = t.AsksToJoin })).ToHaveCountAsync(0);
        var helping = youth.Locator("section", new() { Has = youth.GetByRole(AriaRole.Heading, new() { Name = t.WhoHelpsYou }) });
        await Browsing.PressAsync(youth, helping.Locator("li", new() { HasText = "Team Clinic" }).GetByRole(AriaRole.Button, new() { Name = t.RemoveFromTeam }));
        await youth.WaitForURLAsync("**/youth?done=removed");
        await Assertions.Expect(youth.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.TheyWereRemoved);
        await Assertions.Expect(helping).Not.ToContainTextAsync("Team Clinic");
        await Assertions.Expect(helping).ToContainTextAsync("Team High");
        await Browsing.LookAsync(youth, $"youth-team-removed-{language}");
    }

    [BrowserFact]
    public async Task The_young_person_sees_their_key_person_and_asks_for_another_which_the_lead_sees_as_a_task()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("ja"));
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Key Person High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var given = $"担{Guid.NewGuid():N}"[..8];
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: given, birthDate: "2008-06-06")), HttpStatusCode.Created);
        var caseId = opened["caseId"]!.GetValue<Guid>();
        await Scenario.ReadAsync(await Scenario.GrantAsync(teacher, opened["personId"]!.GetValue<Guid>(), ["identity"]), HttpStatusCode.Created);
        await Scenario.ReadAsync(await teacher.PutAsJsonAsync($"/api/intake/cases/{caseId}/key-person",
            new { agencyId = school, displayName = "佐藤 先生" }), HttpStatusCode.OK);
        var (youthClient, signInName) = await YouthSignIn.EnrolAsync(_network, opened["youthAccessCode"]!.GetValue<string>());
        youthClient.Dispose();

        var youth = await Browsing.SignInAsYouthAsync(fixture, "ja", signInName, YouthSignIn.Passphrase);
        var helping = youth.Locator("section", new() { Has = youth.GetByRole(AriaRole.Heading, new() { Name = t.WhoHelpsYou }) });
        await Assertions.Expect(helping).ToContainTextAsync($"{t.YourKeyPerson}: 佐藤 先生");
        await Browsing.LookAsync(youth, "youth-key-person-ja");
        await Browsing.PressAsync(youth, helping.Locator("summary", new() { HasText = t.AskForAnotherKeyPerson }));
        await Browsing.TypeAsync(youth, helping.GetByLabel(t.AnotherKeyPersonNote), "女性の方がいいです");
        await Browsing.PressAsync(youth, helping.GetByRole(AriaRole.Button, new() { Name = t.AskForAnotherKeyPerson }));
        await youth.WaitForURLAsync("**/youth?done=another-asked");
        await Assertions.Expect(youth.GetByRole(AriaRole.Status)).ToHaveTextAsync(t.AnotherKeyPersonAsked);

        var lead = await Browsing.OpenAsync(fixture, "ja");
        await Browsing.SignInAsDemoAsync(lead, Roles.Worker, school);
        await lead.GotoAsync("/worker");
        await Assertions.Expect(lead.GetByRole(AriaRole.Link, new() { Name = t.Worker.TaskKinds[TaskKinds.KeyPersonChange] })).ToHaveCountAsync(1);
        // The task names its case by reference and, as the young person shares their name with the network, by name.
        await Assertions.Expect(lead.Locator("li", new() { Has = lead.GetByRole(AriaRole.Link, new() { Name = t.Worker.TaskKinds[TaskKinds.KeyPersonChange] }) }))
            .ToContainTextAsync($"{BuildingBlocks.Web.CaseReference.Of(caseId)} · 山田 {given}");
        await lead.GotoAsync($"/worker/cases/{caseId}");
        await Assertions.Expect(lead.Locator("#team")).ToContainTextAsync($"{t.Worker.KeyPerson}: 佐藤 先生");
        await Assertions.Expect(lead.Locator("#team")).ToContainTextAsync("女性の方がいいです");
        await Browsing.LookAsync(lead, "worker-key-person-ja");
    }
}
