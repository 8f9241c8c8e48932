using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Support.Features;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.Meetings;

/// <summary>API-v3 §5: case conferences of the team — scheduled with attendees from the team, read by those who attend, minutes whose actions are tasks.</summary>
[Collection(NetworkCollection.Name)]
public sealed class CaseConferenceTests(NetworkFixture fixture)
{
    private static readonly string[] Shared = [DataCategories.SupportPlan, DataCategories.CaseNotes];
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_conference_with_an_agency_outside_the_team_is_refused_and_nothing_is_scheduled()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "会", Shared);
        var outsider = await new Scenario(_network).CreateAgencyAsync("cso", "Conference Outsider");

        var refused = await planned.Lead.PostAsJsonAsync(MeetingsOf(planned), Conference([planned.School, outsider]));
        var listed = await Scenario.ReadAsync(await planned.Lead.GetAsync(MeetingsOf(planned)), HttpStatusCode.OK);

        var problem = await Scenario.ReadProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(ErrorCodes.NotAllowed, problem["errorCodes"]!["attendees[1]"]![0]!.GetValue<string>());
        Assert.Empty(listed["items"]!.AsArray());
    }

    [Fact]
    public async Task Minutes_give_each_named_agency_a_task_in_its_work_until_it_says_the_action_is_done()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "議", Shared);
        var (clinicWorker, clinic) = await planned.AdmitAsync(_network, "clinic", "Conference Clinic");
        using var _ = clinicWorker;
        var meetingId = await ScheduleAsync(planned, [planned.School, clinic]);
        var minutesPath = $"{MeetingsOf(planned)}/{meetingId}/minutes";
        var minutes = new
        {
            decisions = new[] { "まずオンラインで週1回話す" },
            actions = new[]
            {
                new { agencyId = clinic, what = "オンライン面談の枠を用意する", due = "2027-01-20" },
                new { agencyId = planned.School, what = "担任から本人に手紙を書く", due = "2027-01-10" },
            },
        };

        var written = await Scenario.ReadAsync(await clinicWorker.PutAsJsonAsync(minutesPath, minutes), HttpStatusCode.OK);
        var clinicTasks = await ActionTasksAsync(clinicWorker, planned.CaseId);
        var schoolTasks = await ActionTasksAsync(planned.Lead, planned.CaseId);
        var clinicAction = written["minutes"]!["actions"]!.AsArray().Single(a => a!["agencyId"]!.GetValue<Guid>() == clinic)!["actionId"]!.GetValue<Guid>();
        var schoolAction = written["minutes"]!["actions"]!.AsArray().Single(a => a!["agencyId"]!.GetValue<Guid>() == planned.School)!["actionId"]!.GetValue<Guid>();
        var notTheirs = await planned.Lead.PostAsync($"{MeetingsOf(planned)}/{meetingId}/actions/{clinicAction}/done", null);
        var done = await Scenario.ReadAsync(await clinicWorker.PostAsync($"{MeetingsOf(planned)}/{meetingId}/actions/{clinicAction}/done", null), HttpStatusCode.OK);
        var afterDone = await ActionTasksAsync(clinicWorker, planned.CaseId);
        // Written again with the same actions, the minutes keep what was done.
        var rewritten = await Scenario.ReadAsync(await planned.Lead.PutAsJsonAsync(minutesPath, minutes), HttpStatusCode.OK);

        Assert.Equal(["まずオンラインで週1回話す"], written["minutes"]!["decisions"]!.AsArray().Select(d => d!.GetValue<string>()));
        var task = Assert.Single(clinicTasks)!;
        Assert.Equal((clinic, new SupportOptions().EndOf(new DateOnly(2027, 1, 20))), (task["agencyId"]!.GetValue<Guid>(), task["dueAt"]!.GetValue<DateTimeOffset>()));
        Assert.Single(schoolTasks);
        await Scenario.ReadProblemAsync(notTheirs, HttpStatusCode.NotFound);
        Assert.NotNull(Action(done, clinicAction)["doneAt"]);
        Assert.Empty(afterDone);
        Assert.Equal(Action(done, clinicAction)["doneAt"]!.ToJsonString(), Action(rewritten, clinicAction)["doneAt"]!.ToJsonString());
        Assert.Null(Action(rewritten, schoolAction)["doneAt"]);
        Assert.Single(await ActionTasksAsync(planned.Lead, planned.CaseId));
    }

    [Fact]
    public async Task Only_agencies_that_attend_read_a_meeting_an_outsider_gets_404_and_the_young_person_sees_what_they_were_invited_to()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "席", Shared);
        var (clinicWorker, _) = await planned.AdmitAsync(_network, "clinic", "Conference Member");
        using var _ = clinicWorker;
        var outsiderAgency = await new Scenario(_network).CreateAgencyAsync("cso", "Conference Stranger");
        using var outsider = await _network.ClientAsync("worker", agency: outsiderAgency);
        var invited = await ScheduleAsync(planned, [planned.School], youthInvited: true);
        var notInvited = await ScheduleAsync(planned, [planned.School], youthInvited: false);
        await Scenario.ReadAsync(await planned.Lead.PutAsJsonAsync($"{MeetingsOf(planned)}/{invited}/minutes",
            new { decisions = new[] { "来月もう一度会う" } }), HttpStatusCode.OK);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, planned.YouthAccessCode);
        using var __ = youth;

        var memberList = await Scenario.ReadAsync(await clinicWorker.GetAsync(MeetingsOf(planned)), HttpStatusCode.OK);
        var memberRead = await clinicWorker.GetAsync($"{MeetingsOf(planned)}/{invited}");
        var memberMinutes = await clinicWorker.PutAsJsonAsync($"{MeetingsOf(planned)}/{invited}/minutes", new { decisions = new[] { "書き換え" } });
        var outsiderList = await outsider.GetAsync(MeetingsOf(planned));
        var outsiderRead = await outsider.GetAsync($"{MeetingsOf(planned)}/{invited}");
        var outsiderSchedule = await outsider.PostAsJsonAsync(MeetingsOf(planned), Conference([outsiderAgency]));
        var attended = await Scenario.ReadAsync(await planned.Lead.GetAsync($"{MeetingsOf(planned)}/{invited}"), HttpStatusCode.OK);
        var mine = await Scenario.ReadAsync(await youth.GetAsync("/api/support/me/meetings"), HttpStatusCode.OK);

        Assert.Empty(memberList["items"]!.AsArray());
        await Scenario.ReadProblemAsync(memberRead, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(memberMinutes, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(outsiderList, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(outsiderRead, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(outsiderSchedule, HttpStatusCode.NotFound);
        Assert.Equal(["来月もう一度会う"], attended["minutes"]!["decisions"]!.AsArray().Select(d => d!.GetValue<string>()));
        var meeting = Assert.Single(mine["items"]!.AsArray())!;
        Assert.Equal((invited, "来月もう一度会う"), (meeting["meetingId"]!.GetValue<Guid>(), meeting["decisions"]![0]!.GetValue<string>()));
        Assert.NotEqual(notInvited, invited);
    }

    [Fact]
    public async Task Without_the_case_notes_shared_a_member_schedules_nothing_and_is_told_why()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "記", DataCategories.SupportPlan);

        var refused = await planned.Lead.PostAsJsonAsync(MeetingsOf(planned), Conference([planned.School]));
        var list = await planned.Lead.GetAsync(MeetingsOf(planned));

        Assert.Contains("notes", (await Scenario.ReadProblemAsync(refused, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(list, HttpStatusCode.Forbidden);
    }

    private static string MeetingsOf(PlannedCase planned) => $"/api/support/cases/{planned.CaseId}/meetings";

    private static object Conference(Guid[] attendees, bool youthInvited = false) => new
    {
        kind = "case-conference", at = DateTimeOffset.UtcNow.AddDays(7), place = "世田谷区役所 3階 会議室", attendees, youthInvited,
        agenda = "オンライン面談の進め方と、学校との連絡",
    };

    private static async Task<Guid> ScheduleAsync(PlannedCase planned, Guid[] attendees, bool youthInvited = false)
    {
        var scheduled = await Eventually.Until(async () => await planned.Lead.PostAsJsonAsync(MeetingsOf(planned), Conference(attendees, youthInvited)),
            r => r.StatusCode != HttpStatusCode.UnprocessableEntity, "every attendee's admission to reach the support service");
        return (await Scenario.ReadAsync(scheduled, HttpStatusCode.Created))["meetingId"]!.GetValue<Guid>();
    }

    private static async Task<List<JsonNode?>> ActionTasksAsync(HttpClient worker, Guid caseId) =>
        [.. (await Scenario.ReadAsync(await worker.GetAsync("/api/support/tasks"), HttpStatusCode.OK))["items"]!.AsArray()
            .Where(t => t!["kind"]!.GetValue<string>() == TaskKinds.MeetingAction && t["caseId"]!.GetValue<Guid>() == caseId)];

    private static JsonNode Action(JsonObject meeting, Guid actionId) =>
        meeting["minutes"]!["actions"]!.AsArray().Single(a => a!["actionId"]!.GetValue<Guid>() == actionId)!;
}
