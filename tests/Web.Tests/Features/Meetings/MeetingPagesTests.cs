using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Meetings;

/// <summary>
/// The team's meetings (API-v3 §5) in the browser, by the keyboard: the lead schedules a case conference with a member
/// agency and the young person invited, writes its minutes and says its own action is done; the young person sees the
/// meeting and what it decided on a phone, and asks for another time.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingPagesTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_lead_schedules_a_conference_writes_its_minutes_and_the_young_person_sees_it_and_asks_for_another_time(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var m = t.Meeting;
        var scenario = new Scenario(_network);
        var school = await scenario.CreateAgencyAsync("school", "Meeting High");
        var clinic = await scenario.CreateAgencyAsync("clinic", "Meeting Clinic");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var referral = Scenario.Referral(givenName: $"集{Guid.NewGuid():N}"[..8], birthDate: "2008-05-05");
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Created);
        var caseId = opened["caseId"]!.GetValue<Guid>();
        await ReferredPerson.GrantAsync(teacher, opened["personId"]!.GetValue<Guid>(), [DataCategories.CaseNotes]);
        using var nurse = await _network.ClientAsync("worker", agency: clinic);
        await Scenario.ReadAsync(await nurse.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Accepted);
        await Scenario.ReadAsync(await teacher.PostAsync($"/api/intake/cases/{caseId}/team/{clinic}/admit", null), HttpStatusCode.OK);
        // The page offers the team's members as attendees once the support service knows the clinic joined.
        await Eventually.Until(async () => (await teacher.GetAsync($"/api/support/cases/{caseId}/meetings")).StatusCode, s => s == HttpStatusCode.OK,
            "the support service to know the case");
        var (youthClient, signInName) = await YouthSignIn.EnrolAsync(_network, opened["youthAccessCode"]!.GetValue<string>());
        youthClient.Dispose();
        var day = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var lead = await Browsing.OpenAsync(fixture, language);
        await Browsing.SignInAsDemoAsync(lead, Roles.Worker, school);
        await lead.GotoAsync($"/worker/cases/{caseId}");
        await Browsing.PressAsync(lead, lead.Locator("#meetings ~ p a", new() { HasText = m.Meetings }));
        await lead.WaitForURLAsync($"**/worker/cases/{caseId}/meetings");
        await Browsing.LookAsync(lead, $"worker-meetings-{language}");
        await Browsing.TabToAsync(lead, lead.Locator("#meeting-date"));
        await lead.Locator("#meeting-date").FillAsync(day);
        await Browsing.TabToAsync(lead, lead.Locator("#meeting-time"));
        await lead.Locator("#meeting-time").FillAsync("15:00");
        await Browsing.TypeAsync(lead, lead.Locator("#place"), "世田谷区役所 第3会議室");
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Checkbox, new() { Name = "Meeting Clinic" }));
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Checkbox, new() { Name = m.YouthInvited }));
        await Browsing.TypeAsync(lead, lead.Locator("#agenda"), "オンライン面談の進め方");
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Button, new() { Name = m.Schedule }));
        await lead.WaitForURLAsync("**?done=scheduled");
        await Assertions.Expect(lead.GetByRole(AriaRole.Status)).ToHaveTextAsync(m.Scheduled);
        await Assertions.Expect(lead.Locator("dl.summary")).ToContainTextAsync("Meeting Clinic");

        await Browsing.TypeAsync(lead, lead.Locator("#decisions"), "まずオンラインで週1回話す");
        await Browsing.TypeAsync(lead, lead.Locator("#action-0"), "担任から本人に手紙を書く");
        await Browsing.TabToAsync(lead, lead.Locator("#action-due-0"));
        await lead.Locator("#action-due-0").FillAsync(day);
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Button, new() { Name = m.WriteMinutes }));
        await lead.WaitForURLAsync("**?done=minutes");
        await Assertions.Expect(lead.GetByRole(AriaRole.Status)).ToHaveTextAsync(m.MinutesSaved);
        await Browsing.LookAsync(lead, $"worker-meeting-minutes-{language}");
        await Browsing.PressAsync(lead, lead.GetByRole(AriaRole.Button, new() { Name = "担任から本人に手紙を書く" }));
        await lead.WaitForURLAsync("**?done=action");
        await Assertions.Expect(lead.GetByRole(AriaRole.Status)).ToHaveTextAsync(m.ActionDone);
        await Assertions.Expect(lead.Locator("li", new() { HasText = "担任から本人に手紙を書く" })).ToContainTextAsync(m.DoneOn);

        var youth = await Browsing.SignInAsYouthAsync(fixture, language, signInName, YouthSignIn.Passphrase);
        var yours = youth.Locator("section", new() { Has = youth.GetByRole(AriaRole.Heading, new() { Name = m.YourMeetings }) });
        await Assertions.Expect(yours).ToContainTextAsync("まずオンラインで週1回話す");
        await Assertions.Expect(yours).ToContainTextAsync("世田谷区役所 第3会議室");
        await Browsing.PressAsync(youth, yours.Locator("summary", new() { HasText = m.AskAnotherTime }));
        await Browsing.TypeAsync(youth, yours.GetByLabel(m.AskNote), "午後がいいです");
        await Browsing.LookAsync(youth, $"youth-meetings-{language}");
        await Browsing.PressAsync(youth, yours.GetByRole(AriaRole.Button, new() { Name = m.AskAnotherTime }));
        await youth.WaitForURLAsync("**/youth?done=move-asked");
        await Assertions.Expect(youth.GetByRole(AriaRole.Status)).ToHaveTextAsync(m.Asked);
        await Assertions.Expect(yours).ToContainTextAsync(m.StatusesPlain[MeetingStatuses.MoveRequested]);
    }
}
