using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Insights.Tests.Features.Summary;

/// <summary>
/// API-v3 §4 and §5: the summary counts the teams' plans — steps forward and back, reviews on time, follow-ups by
/// result — and their meetings, under the same rule as every figure (k = 3 here: perturbed by the cell key, then never 1..k-1).
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class SupportFiguresTests(SuppressingNetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Steps_forward_and_back_reviews_and_follow_ups_are_counted_and_disclosed_like_every_figure()
    {
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Figures High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"数{Guid.NewGuid():N}"[..8])), HttpStatusCode.Created);
        var caseId = opened["caseId"]!.GetValue<Guid>();
        await ReferredPerson.GrantAsync(teacher, opened["personId"]!.GetValue<Guid>(), [DataCategories.SupportPlan]);
        var plan = await Scenario.ReadAsync(await Eventually.Until(async () => await teacher.PutAsJsonAsync($"/api/support/cases/{caseId}/plan", new
        {
            goals = new[] { new { text = "外に出る" } },
            steps = Enumerable.Range(1, 3).Select(i => new { kind = "in-person", title = $"Step {i}", ownerAgencyId = school, due = "2027-02-01" }),
        }), r => r.StatusCode == HttpStatusCode.Created, "the first plan"), HttpStatusCode.Created);
        var steps = plan["steps"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToList();
        foreach (var (step, to) in new[] { (0, "started"), (1, "started"), (2, "started"), (0, "done"), (1, "stepped-back"), (2, "paused") })
        {
            await Scenario.ReadAsync(await teacher.PostAsJsonAsync($"/api/support/cases/{caseId}/plan/steps/{steps[step]}/moves", new { to }), HttpStatusCode.OK);
        }
        await Scenario.ReadAsync(await teacher.PostAsJsonAsync($"/api/support/cases/{caseId}/reviews",
            new { goals = new[] { new { goalId = plan["goals"]![0]!["id"]!.GetValue<Guid>(), progress = "better" } } }), HttpStatusCode.Created);
        await Scenario.ReadAsync(await teacher.PostAsJsonAsync($"/api/intake/cases/{caseId}/close", new { reason = CaseCloseReasons.GotHelp }), HttpStatusCode.OK);
        await Eventually.Until(async () => await teacher.PostAsJsonAsync($"/api/support/cases/{caseId}/follow-ups", new { result = FollowUpResults.StillConnected }),
            r => r.StatusCode == HttpStatusCode.Created, "the follow-up the closing scheduled, recorded");
        var month = EndedMonthOfSupport();
        using var coordinator = await _network.ClientAsync("coordinator");
        try
        {
            var support = await Eventually.Until(
                async () => (await Scenario.ReadAsync(await coordinator.GetAsync($"/api/insights/summary?period={month}"), HttpStatusCode.OK))["support"]!,
                s => new[] { s["followUps"]!["stillConnected"]!, s["stepsForward"]!, s["stepsBack"]!, s["reviewsOnTime"]! }.All(f => f["count"]?.GetValue<long>() != 0),
                "insights to count the plan's moves, review and follow-up");

            Disclosed(4, support["stepsForward"]!);
            Disclosed(1, support["stepsBack"]!);
            Disclosed(1, support["reviewsOnTime"]!);
            Disclosed(0, support["reviewsLate"]!);
            Disclosed(1, support["followUps"]!["stillConnected"]!);
            Disclosed(0, support["followUps"]!["needsHelpAgain"]!);
        }
        finally
        {
            _network.InsightsTime.Reset();
        }
    }

    [Fact]
    public async Task Meetings_held_actions_done_and_each_councils_support_meetings_are_counted_and_disclosed_like_every_figure()
    {
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Meeting Figures High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"会{Guid.NewGuid():N}"[..8])), HttpStatusCode.Created);
        var caseId = opened["caseId"]!.GetValue<Guid>();
        await ReferredPerson.GrantAsync(teacher, opened["personId"]!.GetValue<Guid>(), [DataCategories.CaseNotes]);
        var meetings = $"/api/support/cases/{caseId}/meetings";
        var conference = new { kind = "case-conference", at = DateTimeOffset.UtcNow, place = "会議室", attendees = new[] { school }, agenda = "進め方" };
        for (var i = 0; i < 4; i++)
        {
            var meetingId = (await Scenario.ReadAsync(await Eventually.Until(async () => await teacher.PostAsJsonAsync(meetings, conference),
                r => r.StatusCode == HttpStatusCode.Created, "the support service to know the case"), HttpStatusCode.Created))["meetingId"]!.GetValue<Guid>();
            var minutes = await Scenario.ReadAsync(await teacher.PutAsJsonAsync($"{meetings}/{meetingId}/minutes", new
            {
                decisions = new[] { "続ける" }, actions = new[] { new { agencyId = school, what = $"連絡 {i}", due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
            }), HttpStatusCode.OK);
            await Scenario.ReadAsync(await teacher.PostAsync($"{meetings}/{meetingId}/actions/{minutes["minutes"]!["actions"]![0]!["actionId"]}/done", null), HttpStatusCode.OK);
            // Written again, the minutes hold the meeting once.
            await Scenario.ReadAsync(await teacher.PutAsJsonAsync($"{meetings}/{meetingId}/minutes", new { decisions = new[] { "続ける", "来月また" } }), HttpStatusCode.OK);
        }
        using var coordinator = await _network.ClientAsync("coordinator");
        var council = (await Scenario.ReadAsync(await coordinator.PostAsJsonAsync("/api/support/councils",
            new { name = "Figures council", legalBasis = LegalBases.ChildrenYoungPeopleAct19, members = new[] { school } }), HttpStatusCode.Created))["councilId"]!.GetValue<Guid>();
        for (var i = 0; i < 3; i++)
        {
            await Scenario.ReadAsync(await coordinator.PostAsJsonAsync($"/api/support/councils/{council}/meetings",
                new { at = DateTimeOffset.UtcNow, attendees = new[] { school }, reference = $"F-{i}" }), HttpStatusCode.Created);
        }
        var month = EndedMonthOfSupport();
        try
        {
            var figures = await Eventually.Until(
                async () => (await Scenario.ReadAsync(await coordinator.GetAsync($"/api/insights/summary?period={month}"), HttpStatusCode.OK))["meetings"]!,
                m => m["conferencesHeld"]!["count"]?.GetValue<long>() != 0 && m["actionsOnTime"]!["count"]?.GetValue<long>() != 0
                    && m["supportMeetings"]!.AsArray().Any(c => c!["councilId"]!.GetValue<Guid>() == council),
                "insights to count the meetings, their actions and the council's support meetings");

            Disclosed(4, figures["conferencesHeld"]!);
            Disclosed(4, figures["actionsOnTime"]!);
            Disclosed(0, figures["actionsLate"]!);
            Disclosed(3, figures["supportMeetings"]!.AsArray().Single(c => c!["councilId"]!.GetValue<Guid>() == council)!["count"]!);
        }
        finally
        {
            _network.InsightsTime.Reset();
        }
    }

    /// <summary>The month the support service stamps its events in, and the insights clock moved past its end.</summary>
    private string EndedMonthOfSupport()
    {
        var now = _network.SupportTime.GetUtcNow().UtcDateTime;
        var nextMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        _network.InsightsTime.Advance(_network.SupportTime.Shift - _network.InsightsTime.Shift + (nextMonth - now) + TimeSpan.FromDays(1));
        return $"{now:yyyy-MM}";
    }

    /// <summary>As published for <paramref name="count"/>: within 2 of it, never 1..k-1 (k = 3), 0 only for none.</summary>
    private static void Disclosed(long count, JsonNode figure)
    {
        var shown = figure["count"]?.GetValue<long>();
        Assert.True(shown is { } value
            ? value == 0 ? count == 0 : value >= SuppressingNetworkFixture.MinimumCount && Math.Abs(value - count) <= 2
            : figure["suppressed"]!.GetValue<bool>() && count > 0, $"{figure.ToJsonString()} for {count}");
    }
}
