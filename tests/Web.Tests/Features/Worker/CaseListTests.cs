using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Features.Worker;

/// <summary>A worker finds a case among 300 of their caseload by its reference and by a name in kana, with the keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseListTests(BrowserFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [BrowserTheory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task A_worker_finds_a_case_by_reference_and_by_kana_and_the_name_never_enters_the_address(string language)
    {
        var t = Texts.For(CultureInfo.GetCultureInfo(language));
        var w = t.Worker;
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Caseload High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var given = $"探{Guid.NewGuid():N}"[..6];
        var cases = new List<(Guid CaseId, Guid PersonId)>();
        foreach (var (family, kana) in new[] { ("渡辺", "ワタナベ"), ("伊藤", "イトウ"), ("小林", "コバヤシ") })
        {
            var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
                Scenario.Referral(family, given, $"200{cases.Count + 5}-0{cases.Count + 3}-1{cases.Count}", Towns.Unique(), familyNameKana: kana)), HttpStatusCode.Created);
            cases.Add((opened["caseId"]!.GetValue<Guid>(), opened["personId"]!.GetValue<Guid>()));
        }
        // Among 300 cases of the school, the others named alike (伊藤 too, other given names, no kana shared).
        await Parallel.ForEachAsync(Enumerable.Range(0, 297), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
                Scenario.Referral("伊藤", $"他{given}{i}", $"{2001 + i % 8}-{1 + i % 12:00}-{1 + i % 28:00}", Towns.Unique()), ct), HttpStatusCode.Created));
        // The young person of the second case shared their name with the network.
        await Scenario.ReadAsync(await Scenario.GrantAsync(teacher, cases[1].PersonId, ["identity"]), HttpStatusCode.Created);
        var page = await Browsing.OpenAsync(fixture, language);
        await Browsing.SignInAsDemoAsync(page, Roles.Worker, school);
        await page.GotoAsync("/worker/cases");
        var search = page.GetByLabel(w.FindCases);
        var rows = page.Locator("ul.rows li");

        await Eventually.Until(async () =>
        {
            await search.FillAsync("");
            await Browsing.TypeAsync(page, search, "いとう");
            await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = w.Search, Exact = true })));
            return await rows.CountAsync();
        }, count => count == 1, "the case found by the kana of the name shared");
        await Assertions.Expect(rows).ToContainTextAsync($"伊藤 {given}");
        Assert.DoesNotContain("いとう", Uri.UnescapeDataString(page.Url));
        Assert.DoesNotContain(given, await page.TitleAsync());
        await Browsing.LookAsync(page, $"worker-cases-found-{language}");

        await search.FillAsync("");
        await Browsing.TypeAsync(page, search, CaseReference.Of(cases[2].CaseId));
        await Browsing.AndThenNextPageAsync(page, () => Browsing.PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = w.Search, Exact = true })));
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync(w.NameNotShared);
        await Browsing.PressAsync(page, rows.GetByRole(AriaRole.Link, new() { Name = CaseReference.Of(cases[2].CaseId) }));
        await page.WaitForURLAsync($"**/worker/cases/{cases[2].CaseId}");
    }
}
