using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.Support.Features;
using ReferralNet.Support.Features.Reviews;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.Reviews;

/// <summary>
/// API-v3 §4: a review past its day is a task, past the grace one escalation; met by moving the support service's clock
/// (its sweep keeps real time). Each test moves the clock back when it ends.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class ReviewTests(NetworkFixture fixture) : IAsyncLifetime
{
    private static readonly SupportOptions Defaults = new();
    private readonly ReferralNetwork _network = fixture.Network;
    private readonly TimeSpan _shiftAtStart = fixture.Network.SupportTime.Shift;

    [Fact]
    public async Task An_overdue_review_is_the_key_persons_task_then_one_escalation_with_two_sweeps_and_a_review_clears_both()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "評");
        // The clinic joins the team (admitted) and its worker becomes the key person: the review is the clinic's to do.
        var (clinicWorker, clinic) = await planned.AdmitAsync(_network, "clinic", "Review Clinic");
        using var _ = clinicWorker;
        await Scenario.ReadAsync(await planned.Lead.PutAsJsonAsync($"/api/intake/cases/{planned.CaseId}/key-person",
            new { agencyId = clinic, displayName = "田中 さん" }), HttpStatusCode.OK);
        var due = DateOnly.Parse(planned.Plan["nextReviewDue"]!.GetValue<string>());
        var tasksBefore = await TasksAsync(clinicWorker, planned.CaseId);

        _network.SupportTime.Advance(Defaults.EndOf(due) - DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
        var task = await Eventually.Until(() => TasksAsync(clinicWorker, planned.CaseId), t => t.Count == 1, "the review-due task of the key person's agency");
        var leadsTasks = await TasksAsync(planned.Lead, planned.CaseId);
        // Two more sweeps besides the service's own, as two more instances would run them, on a clock past the grace.
        var past = new ShiftedTime();
        past.Advance(_network.SupportTime.Shift + Defaults.ReviewGrace);
        var services = _network.SupportServices;
        var sweeps = Enumerable.Range(0, 2).Select(_ => new ReviewSweep(services.GetRequiredService<Database>(), services.GetRequiredService<ReviewDeadline>(),
            services.GetRequiredService<IOptions<SupportOptions>>(), past, NullLogger<ReviewSweep>.Instance)).ToList();
        await Task.WhenAll(sweeps.Select(s => s.RunOnceAsync(CancellationToken.None)));
        var escalation = await Eventually.Until(() => OpenEscalationsAsync(planned.CaseId), e => e.Count > 0, "the review-overdue escalation on the coordinators' list");
        var raised = await EscalationsAnnouncedAsync(planned.CaseId);

        _network.SupportTime.Advance(Defaults.ReviewGrace);
        var review = await clinicWorker.PostAsJsonAsync($"/api/support/cases/{planned.CaseId}/reviews",
            new { goals = new[] { new { goalId = planned.GoalId(0), progress = "better", note = "朝起きられる日が増えた" } } });
        var reviews = await Scenario.ReadAsync(await planned.Lead.GetAsync($"/api/support/cases/{planned.CaseId}/reviews"), HttpStatusCode.OK);

        Assert.Empty(tasksBefore);
        Assert.Equal((TaskKinds.ReviewDue, clinic), (task[0]!["kind"]!.GetValue<string>(), task[0]!["agencyId"]!.GetValue<Guid>()));
        Assert.Empty(leadsTasks);
        Assert.Equal(EscalationReasons.ReviewOverdue, Assert.Single(escalation)!["reason"]!.GetValue<string>());
        Assert.Equal(1, raised);
        var recorded = await Scenario.ReadAsync(review, HttpStatusCode.Created);
        Assert.False(recorded["onTime"]!.GetValue<bool>());
        Assert.Equal("better", reviews["items"]![0]!["goals"]![0]!["progress"]!.GetValue<string>());
        Assert.Empty(await TasksAsync(clinicWorker, planned.CaseId));
        await Eventually.Until(() => OpenEscalationsAsync(planned.CaseId), e => e.Count == 0, "the escalation resolved by the review");
        Assert.Equal(1, await EscalationsAnnouncedAsync(planned.CaseId));
    }

    [Fact]
    public async Task Only_the_lead_or_the_key_persons_agency_reviews_and_only_goals_of_the_plan()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "審");
        var (clinicWorker, clinic) = await planned.AdmitAsync(_network, "clinic", "Review Member");
        using var _ = clinicWorker;
        var path = $"/api/support/cases/{planned.CaseId}/reviews";

        var byMember = await Eventually.Until(async () => await clinicWorker.PostAsJsonAsync(path, new { goals = new[] { new { goalId = planned.GoalId(0), progress = "same" } } }),
            r => r.StatusCode != HttpStatusCode.NotFound, "the admission to reach the support service");
        var unknownGoal = await planned.Lead.PostAsJsonAsync(path, new { goals = new[] { new { goalId = Guid.NewGuid(), progress = "same" } } });
        var onTime = await Scenario.ReadAsync(await planned.Lead.PostAsJsonAsync(path, new { goals = new[] { new { goalId = planned.GoalId(0), progress = "same" } } }), HttpStatusCode.Created);

        await Scenario.ReadProblemAsync(byMember, HttpStatusCode.Forbidden);
        Assert.Contains("goals[0].goalId", (await Scenario.ReadProblemAsync(unknownGoal, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        Assert.True(onTime["onTime"]!.GetValue<bool>());
        Assert.Equal(Defaults.Today(_network.SupportTime.GetUtcNow()).AddDays(90), DateOnly.Parse(onTime["nextReviewDue"]!.GetValue<string>()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _network.SupportTime.BackTo(_shiftAtStart);
        return Task.CompletedTask;
    }

    private static async Task<JsonArray> TasksAsync(HttpClient worker, Guid caseId) =>
        [.. (await Scenario.ReadAsync(await worker.GetAsync("/api/support/tasks"), HttpStatusCode.OK))["items"]!.AsArray()
            .Where(t => t!["caseId"]!.GetValue<Guid>() == caseId).Select(t => t!.DeepClone())];

    private async Task<JsonArray> OpenEscalationsAsync(Guid caseId)
    {
        using var coordinator = await _network.ClientAsync("coordinator");
        return [.. (await Scenario.ReadAsync(await coordinator.GetAsync("/api/handoffs/escalations?status=open&limit=200"), HttpStatusCode.OK))["items"]!.AsArray()
            .Where(e => e!["caseId"]!.GetValue<Guid>() == caseId).Select(e => e!.DeepClone())];
    }

    private async Task<int> EscalationsAnnouncedAsync(Guid caseId)
    {
        await using var work = await _network.SupportServices.GetRequiredService<Database>().BeginAsync(CancellationToken.None);
        return await work.QuerySingleAsync<int>(
            "SELECT COUNT(*)::int FROM outbox_messages WHERE message_type LIKE '%CaseEscalated%' AND body LIKE '%' || @Id || '%'",
            new { Id = caseId.ToString() }, CancellationToken.None);
    }
}
