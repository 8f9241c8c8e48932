using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Support.Features;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.FollowUps;

/// <summary>API-v3 §4: a closed case is followed up after Support:FollowUpAfter; needing help again reopens it.</summary>
[Collection(NetworkCollection.Name)]
public sealed class FollowUpTests(NetworkFixture fixture) : IAsyncLifetime
{
    private static readonly SupportOptions Defaults = new();
    private readonly ReferralNetwork _network = fixture.Network;
    private readonly TimeSpan _shiftAtStart = fixture.Network.SupportTime.Shift;

    [Fact]
    public async Task Closing_gives_the_lead_a_follow_up_after_the_interval_and_needing_help_again_reopens_the_case_with_the_same_team()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "追");
        var (clinicWorker, clinic) = await planned.AdmitAsync(_network, "clinic", "Follow-up Clinic");
        using var _ = clinicWorker;
        await Scenario.ReadAsync(await planned.Lead.PostAsJsonAsync($"/api/intake/cases/{planned.CaseId}/close", new { reason = CaseCloseReasons.GotHelp }), HttpStatusCode.OK);
        var path = $"/api/support/cases/{planned.CaseId}/follow-ups";
        var waiting = await Eventually.Until(async () => await Scenario.ReadAsync(await planned.Lead.GetAsync(path), HttpStatusCode.OK),
            f => f["items"]!.AsArray().Count == 1, "the follow-up the closing scheduled");
        var tasksBefore = await FollowUpTasksAsync(planned);
        var writeWhileClosed = await planned.WriteAsync(planned.Lead, PlannedCase.PlanBody(planned.School), version: 1);

        _network.SupportTime.Advance(Defaults.FollowUpAfter + TimeSpan.FromMinutes(1));
        var task = Assert.Single(await FollowUpTasksAsync(planned))!;
        var byMember = await clinicWorker.PostAsJsonAsync(path, new { result = FollowUpResults.NeedsHelpAgain });
        var recorded = await Scenario.ReadAsync(await planned.Lead.PostAsJsonAsync(path, new { result = FollowUpResults.NeedsHelpAgain }), HttpStatusCode.Created);
        var again = await planned.Lead.PostAsJsonAsync(path, new { result = FollowUpResults.StillConnected });
        var reopened = await Eventually.Until(
            async () => await Scenario.ReadAsync(await planned.Lead.GetAsync($"/api/intake/cases/{planned.CaseId}"), HttpStatusCode.OK),
            c => c["status"]!.GetValue<string>() == CaseStatuses.Open, "the case reopened by intake");
        var team = await Scenario.ReadAsync(await planned.Lead.GetAsync($"/api/intake/cases/{planned.CaseId}/team"), HttpStatusCode.OK);
        var writeWhenOpen = await Eventually.Until(() => planned.WriteAsync(planned.Lead, PlannedCase.PlanBody(planned.School), version: 1),
            r => r.StatusCode != HttpStatusCode.Conflict, "the reopening to reach the support service");

        Assert.Equal(DateTimeOffset.UtcNow + Defaults.FollowUpAfter, waiting["items"]![0]!["dueAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMinutes(1));
        Assert.Empty(tasksBefore);
        await Scenario.ReadProblemAsync(writeWhileClosed, HttpStatusCode.Conflict);
        Assert.Equal((TaskKinds.FollowUp, planned.School), (task["kind"]!.GetValue<string>(), task["agencyId"]!.GetValue<Guid>()));
        // Half a year after closing only the lead at closing still takes part: the member is an outsider of the closed case.
        await Scenario.ReadProblemAsync(byMember, HttpStatusCode.NotFound);
        Assert.Equal(FollowUpResults.NeedsHelpAgain, recorded["result"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains(reopened["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == TimelineKinds.CaseReopened);
        Assert.Equal([("lead", planned.School), ("member", clinic)],
            team["members"]!.AsArray().Select(m => (m!["standing"]!.GetValue<string>(), m["agencyId"]!.GetValue<Guid>())).Order());
        Assert.Equal(HttpStatusCode.OK, writeWhenOpen.StatusCode);
        Assert.Empty(await FollowUpTasksAsync(planned));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _network.SupportTime.BackTo(_shiftAtStart);
        return Task.CompletedTask;
    }

    private static async Task<List<JsonNode?>> FollowUpTasksAsync(PlannedCase planned) =>
        [.. (await Scenario.ReadAsync(await planned.Lead.GetAsync("/api/support/tasks"), HttpStatusCode.OK))["items"]!.AsArray()
            .Where(t => t!["caseId"]!.GetValue<Guid>() == planned.CaseId && t["kind"]!.GetValue<string>() == TaskKinds.FollowUp)];
}
