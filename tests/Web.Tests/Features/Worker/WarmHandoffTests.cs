using System.Globalization;
using Microsoft.Playwright;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Worker;

/// <summary>
/// Two agencies' workers in their browsers: a school refers a young person, the clinic sees the offer arrive while its
/// page is open, is told what accepting gives it, confirms, records when first contact was made and the outcome.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WarmHandoffTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserFact]
    public async Task A_school_refers_a_young_person_and_the_clinic_sees_the_offer_arrive_accepts_makes_contact_and_records_the_outcome()
    {
        var t = Texts.For(CultureInfo.GetCultureInfo("en"));
        var w = t.Worker;
        var scenario = new Scenario(_network);
        var (town, run) = (Towns.Unique(), Guid.NewGuid().ToString("N")[..6]);
        var schoolName = $"Flow High {run}";
        var clinicName = $"Flow Clinic {run}";
        await scenario.CreateAgencyAsync("school", schoolName);
        var clinic = await scenario.CreateAgencyAsync("clinic", clinicName);
        await scenario.CreateServiceAsync(clinic, $"Counselling {run}", ["mental-health"], ["video", "in-person"], municipality: town);

        var clinicPage = await Browsing.OpenAsync(fixture, "en");
        await SignInAsync(clinicPage, t, clinicName, t.SignInAsWorker);
        await clinicPage.WaitForURLAsync("**/worker");
        await Assertions.Expect(clinicPage.GetByText(w.NoIncomingOffers)).ToBeVisibleAsync();

        var school = await Browsing.OpenAsync(fixture, "en");
        await SignInAsync(school, t, schoolName, t.SignInAsWorker);
        await school.WaitForURLAsync("**/worker");
        await Browsing.LookAsync(school, "worker-my-work-en");
        await Browsing.PressAsync(school, school.GetByRole(AriaRole.Link, new() { Name = w.Refer, Exact = true }));
        await school.WaitForURLAsync("**/worker/referrals/new");
        await Browsing.LookAsync(school, "worker-new-referral-en");
        await Browsing.TypeAsync(school, school.GetByLabel(w.FamilyName, new() { Exact = true }), "山田");
        await Browsing.TypeAsync(school, school.GetByLabel(w.GivenName, new() { Exact = true }), $"流{run}");
        await Browsing.TypeAsync(school, school.GetByLabel(w.FamilyNameKana), "ヤマダ");
        await school.GetByLabel(t.BirthDate).FillAsync("2008-05-01");
        await Browsing.TypeAsync(school, school.GetByLabel(w.Municipality), Towns.FullNameOf(town));
        await Browsing.PressAsync(school, school.GetByLabel(t.Needs["mental-health"]));
        await Browsing.PressAsync(school, school.GetByLabel(t.Modalities["video"]));
        await Browsing.TypeAsync(school, school.GetByLabel(w.Summary), "Has stayed home since spring; would talk by video first.");
        await Browsing.AndThenNextPageAsync(school, () => Browsing.PressAsync(school, school.GetByRole(AriaRole.Button, new() { Name = w.SendReferral })));
        await Assertions.Expect(school.GetByRole(AriaRole.Heading, new() { Name = w.YouthCode })).ToBeVisibleAsync();
        var slip = school.Locator(".code-slip");
        await Assertions.Expect(slip.Locator(".code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"));
        var code = await slip.Locator(".code").InnerTextAsync();
        // The slip says where to enter the code (also as a QR code of that page) and until when; the code is in no address.
        await Assertions.Expect(slip).ToContainTextAsync($"{_network.Web}youth/code");
        await Assertions.Expect(slip.GetByRole(AriaRole.Img, new() { Name = w.SlipQrLabel })).ToBeVisibleAsync();
        Assert.DoesNotContain(code, school.Url);
        await school.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Browsing.PressAsync(school, slip.GetByRole(AriaRole.Button, new() { Name = w.CopyCode }));
        await Assertions.Expect(slip.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.Copied);
        Assert.Equal(code, await school.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Browsing.LookAsync(school, "worker-referred-en");
        // Printed, the page is the slip alone, with a word to the young person about what the code is for.
        await school.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(slip.GetByText(w.SlipIntro)).ToBeVisibleAsync();
        await Assertions.Expect(school.GetByRole(AriaRole.Heading, new() { Name = w.Referred })).Not.ToBeVisibleAsync();
        await Browsing.LookAsync(school, "worker-code-slip-printed-en");
        await school.EmulateMediaAsync(new() { Media = Media.Screen });
        await Browsing.PressAsync(school, school.GetByRole(AriaRole.Link, new() { Name = w.SeeCase }));
        await school.WaitForURLAsync("**/worker/cases/*");

        // Matching ranks in milliseconds; until it has, the case page says so.
        var offer = school.Locator(".candidates li", new() { Has = school.GetByRole(AriaRole.Heading, new() { Name = $"Counselling {run}" }) })
            .GetByRole(AriaRole.Button, new() { Name = w.OfferTo });
        await Eventually.Until(async () =>
        {
            await school.ReloadAsync();
            return await offer.CountAsync();
        }, count => count > 0, "the clinic's service among the candidates");
        await Browsing.LookAsync(school, "worker-case-en");
        await Browsing.AndThenNextPageAsync(school, () => Browsing.PressAsync(school, offer));
        await Assertions.Expect(school.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.Offered);

        // The school stays accountable: its work lists the offer awaiting an answer by the case's reference, which leads to the case.
        var caseUrl = school.Url;
        var reference = BuildingBlocks.Web.CaseReference.Of(Guid.Parse(caseUrl.Split('/')[^1].Split('?', '#')[0]));
        await school.GotoAsync("/worker");
        var awaiting = school.Locator("section", new() { Has = school.GetByRole(AriaRole.Heading, new() { Name = w.AwaitingTheirAnswer }) });
        await Assertions.Expect(awaiting).ToContainTextAsync($"Counselling {run}");
        await Browsing.LookAsync(school, "worker-my-work-awaiting-en");
        await Browsing.AndThenNextPageAsync(school, () => Browsing.PressAsync(school, awaiting.GetByRole(AriaRole.Link, new() { Name = reference })));
        Assert.StartsWith(caseUrl.Split('?', '#')[0], school.Url);

        // The clinic's page, open all along, shows the offer without a reload.
        await Assertions.Expect(clinicPage.Locator(".live")).ToHaveTextAsync(w.SomethingNew, new() { Timeout = 10_000 });
        var arrived = clinicPage.GetByRole(AriaRole.Link, new() { Name = $"Counselling {run}" });
        await Assertions.Expect(arrived).ToBeVisibleAsync();
        await Browsing.LookAsync(clinicPage, "worker-my-work-offer-en");

        await Browsing.PressAsync(clinicPage, arrived);
        await clinicPage.WaitForURLAsync("**/worker/handoffs/*");
        // The menu counts the clinic's open tasks: the offer to answer.
        await Assertions.Expect(clinicPage.Locator(".top-nav a[href='/worker'] .count")).ToHaveTextAsync("1");
        // Before accepting, the clinic is told plainly what it will see once it does; the sender's note waits until then.
        await Assertions.Expect(clinicPage.GetByText(w.OfferShares)).ToBeVisibleAsync();
        await Assertions.Expect(clinicPage.Locator("dl.summary")).ToContainTextAsync(w.NoteOnceAccepted);
        await Browsing.LookAsync(clinicPage, "worker-handoff-offered-en");
        // Accepting is asked once more, with what follows from it; cancelling changes nothing.
        await Browsing.AndThenNextPageAsync(clinicPage, () => Browsing.PressAsync(clinicPage, clinicPage.GetByRole(AriaRole.Link, new() { Name = w.Accept, Exact = true })));
        await Assertions.Expect(clinicPage.GetByRole(AriaRole.Heading, new() { Name = w.AcceptTitle })).ToBeFocusedAsync();
        await Assertions.Expect(clinicPage.GetByText(w.AcceptText)).ToBeVisibleAsync();
        await Browsing.LookAsync(clinicPage, "worker-handoff-accept-confirm-en");
        await Browsing.AndThenNextPageAsync(clinicPage, () => Browsing.PressAsync(clinicPage, clinicPage.GetByRole(AriaRole.Link, new() { Name = w.Cancel })));
        await Assertions.Expect(clinicPage.Locator("dl.summary")).ToContainTextAsync(w.HandoffStatuses["offered"]);
        await Browsing.AndThenNextPageAsync(clinicPage, () => Browsing.PressAsync(clinicPage, clinicPage.GetByRole(AriaRole.Link, new() { Name = w.Accept, Exact = true })));
        await Browsing.AndThenNextPageAsync(clinicPage, () => Browsing.PressAsync(clinicPage, clinicPage.GetByRole(AriaRole.Button, new() { Name = w.AcceptSure })));
        await Assertions.Expect(clinicPage.Locator("dl.summary")).ToContainTextAsync(w.HandoffStatuses["accepted"]);

        // First contact was yesterday afternoon: recorded as then, not as now.
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(-1), Ui.Tokyo);
        await clinicPage.GetByLabel(w.ContactDate).FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await clinicPage.GetByLabel(w.ContactTime).FillAsync("15:30");
        await Browsing.PressAsync(clinicPage, clinicPage.GetByLabel(t.Modalities["video"]));
        await Browsing.TypeAsync(clinicPage, clinicPage.GetByLabel(w.ContactNote), "Talked for 20 minutes; video again on Friday.");
        await Browsing.LookAsync(clinicPage, "worker-handoff-contact-en");
        await Browsing.AndThenNextPageAsync(clinicPage, () =>
            Browsing.PressAsync(clinicPage, clinicPage.GetByRole(AriaRole.Button, new() { Name = w.RecordFirstContact })));
        await Assertions.Expect(clinicPage.Locator("dl.summary")).ToContainTextAsync(w.HandoffStatuses["connected"]);
        var contactedAt = new DateTimeOffset(yesterday.Year, yesterday.Month, yesterday.Day, 15, 30, 0, TimeSpan.FromHours(9));
        await Assertions.Expect(clinicPage.Locator("dl.summary")).ToContainTextAsync(contactedAt.ToString(t.DateTimeFormat, CultureInfo.GetCultureInfo("en")));
        await Browsing.LookAsync(clinicPage, "worker-handoff-connected-en");
        await Browsing.PressAsync(clinicPage, clinicPage.GetByLabel(w.Outcomes["got-help"]));
        await Browsing.AndThenNextPageAsync(clinicPage, () => Browsing.PressAsync(clinicPage, clinicPage.GetByRole(AriaRole.Button, new() { Name = w.Complete })));
        // Completed; its outcome, like every word about the young person, only with their consent (none was given here).
        await Assertions.Expect(clinicPage.Locator("dl.summary")).ToContainTextAsync(w.HandoffStatuses["completed"]);
        await Assertions.Expect(clinicPage.Locator("dl.summary dt", new() { HasText = w.OutcomeLabel }).Locator("xpath=following-sibling::dd[1]"))
            .ToHaveTextAsync(w.NotShared);
        await Browsing.LookAsync(clinicPage, "worker-handoff-completed-en");

        // The school sees the handoff completed on the shared case; the clinic now takes part in it.
        await school.ReloadAsync();
        await Assertions.Expect(school.Locator("section", new() { Has = school.GetByRole(AriaRole.Heading, new() { Name = w.Handoffs }) }))
            .ToContainTextAsync(w.HandoffStatuses["completed"]);
        await Assertions.Expect(school.Locator("section", new() { Has = school.GetByRole(AriaRole.Heading, new() { Name = w.Team, Exact = true }) }))
            .ToContainTextAsync(clinicName);
    }

    /// <summary>The development sign-in: find the agency, then its role's button.</summary>
    private static async Task SignInAsync(IPage page, Texts t, string agency, string role)
    {
        await page.GotoAsync($"/sign-in?q={Uri.EscapeDataString(agency)}");
        await Browsing.AndThenNextPageAsync(page, () =>
            Browsing.PressAsync(page, page.GetByRole(AriaRole.Region, new() { Name = agency }).GetByRole(AriaRole.Button, new() { Name = role, Exact = true })));
    }
}
