using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Meetings;

/// <summary>
/// A statutory council in the browser, by the keyboard: the coordinator registers it and convenes a support meeting by
/// the council's own label; an agency that attended links it to the person's case and writes its decisions; the young
/// person sees on a phone that a council talked about them, under which law and who was there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CouncilPagesTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_coordinator_registers_a_council_and_convenes_a_meeting_an_attendee_links_it_and_the_young_person_sees_it(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var m = t.Meeting;
        var scenario = new Scenario(_network);
        var school = await scenario.CreateAgencyAsync("school", $"Council High {language}");
        var welfare = await scenario.CreateAgencyAsync("welfare-office", $"Council Welfare {language}");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"議{Guid.NewGuid():N}"[..8], birthDate: "2007-09-09")), HttpStatusCode.Created);
        var caseId = opened["caseId"]!.GetValue<Guid>();
        await Eventually.Until(async () => (await teacher.GetAsync($"/api/support/cases/{caseId}/meetings")).StatusCode,
            s => s != HttpStatusCode.NotFound, "the support service to know the case");
        var (youthClient, signInName) = await YouthSignIn.EnrolAsync(_network, opened["youthAccessCode"]!.GetValue<string>());
        youthClient.Dispose();
        var councilName = $"世田谷区 重層的支援会議 {language}";
        var day = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var coordinator = await Browsing.OpenAsync(fixture, language);
        await Browsing.SignInAsDemoAsync(coordinator, Roles.Coordinator, Guid.Empty);
        await coordinator.GotoAsync("/coordinator/councils");
        await Browsing.TypeAsync(coordinator, coordinator.Locator("#council-name"), councilName);
        await Browsing.PressAsync(coordinator, coordinator.GetByRole(AriaRole.Radio, new() { Name = m.LegalBases[LegalBases.SocialWelfareAct106_6] }));
        await Browsing.PressAsync(coordinator, coordinator.GetByRole(AriaRole.Checkbox, new() { Name = $"Council High {language}" }));
        await Browsing.PressAsync(coordinator, coordinator.GetByRole(AriaRole.Checkbox, new() { Name = $"Council Welfare {language}" }));
        await Browsing.PressAsync(coordinator, coordinator.GetByRole(AriaRole.Button, new() { Name = m.Register }));
        await coordinator.WaitForURLAsync("**/coordinator/councils?done=registered");
        var council = coordinator.Locator("section", new() { Has = coordinator.GetByRole(AriaRole.Heading, new() { Name = councilName }) });
        await Browsing.PressAsync(coordinator, council.Locator("summary", new() { HasText = m.Convene }));
        var date = council.GetByLabel(m.Date);
        await Browsing.TabToAsync(coordinator, date);
        await date.FillAsync(day);
        await Browsing.TabToAsync(coordinator, council.GetByLabel(m.Time));
        await council.GetByLabel(m.Time).FillAsync("10:00");
        await Browsing.PressAsync(coordinator, council.GetByRole(AriaRole.Checkbox, new() { Name = $"Council High {language}" }));
        await Browsing.PressAsync(coordinator, council.GetByRole(AriaRole.Checkbox, new() { Name = $"Council Welfare {language}" }));
        await Browsing.TypeAsync(coordinator, council.GetByLabel(m.Reference), "R-2026-031");
        await Browsing.PressAsync(coordinator, council.GetByRole(AriaRole.Button, new() { Name = m.Convene }));
        await coordinator.WaitForURLAsync("**/coordinator/councils?done=convened");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync(m.Convened);
        await Browsing.LookAsync(coordinator, $"coordinator-councils-{language}");
        // The council's members change after the meeting: the agency that left is no longer listed as a member.
        await Browsing.PressAsync(coordinator, council.Locator("summary", new() { HasText = m.ChangeMembers }));
        var changing = council.Locator("form", new() { Has = coordinator.GetByRole(AriaRole.Button, new() { Name = m.ChangeMembers }) });
        await Browsing.PressAsync(coordinator, changing.GetByRole(AriaRole.Checkbox, new() { Name = $"Council High {language}" }));
        await Browsing.PressAsync(coordinator, changing.GetByRole(AriaRole.Button, new() { Name = m.ChangeMembers }));
        await coordinator.WaitForURLAsync("**/coordinator/councils?done=members-changed");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync(m.MembersChanged);
        await Assertions.Expect(council.Locator("ul.plain-list")).Not.ToContainTextAsync($"Council High {language}");

        var lead = await Browsing.OpenAsync(fixture, language);
        await Browsing.SignInAsDemoAsync(lead, Roles.Worker, school);
        await lead.GotoAsync("/worker/support-meetings");
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Link, new() { Name = councilName }));
        await Browsing.TypeAsync(lead, lead.Locator("#case-reference"), CaseReference.Of(caseId));
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Button, new() { Name = m.LinkCase }));
        await lead.WaitForURLAsync("**?done=linked");
        await Assertions.Expect(lead.GetByRole(AriaRole.Status)).ToHaveTextAsync(m.CaseLinked);
        await Browsing.TypeAsync(lead, lead.Locator("#decisions"), "学校から手紙を出す");
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Button, new() { Name = m.WriteMinutes }));
        await lead.WaitForURLAsync("**?done=minutes");
        await Assertions.Expect(lead.Locator("#minutes ~ ul").First).ToContainTextAsync("学校から手紙を出す");
        await Browsing.LookAsync(lead, $"worker-support-meeting-{language}");

        var youth = await Browsing.SignInAsYouthAsync(fixture, language, signInName, YouthSignIn.Passphrase);
        var yours = youth.Locator("section", new() { Has = youth.GetByRole(AriaRole.Heading, new() { Name = m.YourMeetings }) });
        await Assertions.Expect(yours).ToContainTextAsync(m.KindsPlain[MeetingKinds.SupportMeeting]);
        await Assertions.Expect(yours).ToContainTextAsync(m.LegalBases[LegalBases.SocialWelfareAct106_6]);
        await Assertions.Expect(yours).ToContainTextAsync($"Council Welfare {language}");
        await Assertions.Expect(yours).Not.ToContainTextAsync("学校から手紙を出す");
        await Browsing.LookAsync(youth, $"youth-support-meeting-{language}");
    }
}
