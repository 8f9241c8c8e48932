using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.Plan;

/// <summary>API-v3 §4: one plan per case, written by the lead with If-Match versions, its steps moved back and forth.</summary>
[Collection(NetworkCollection.Name)]
public sealed class SupportPlanTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task The_lead_writes_the_plan_with_the_version_it_read_and_a_stale_or_missing_version_changes_nothing()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "計");
        var changed = PlannedCase.PlanBody(planned.School, goal: "週に一度、外に出る");

        var updated = await Scenario.ReadAsync(await planned.WriteAsync(planned.Lead, changed, version: 1), HttpStatusCode.OK);
        var stale = await planned.WriteAsync(planned.Lead, PlannedCase.PlanBody(planned.School, goal: "古い版"), version: 1);
        var unnamed = await planned.WriteAsync(planned.Lead, changed, version: null);
        var read = await planned.Lead.GetAsync(planned.PlanPath);
        var versions = await Scenario.ReadAsync(await planned.Lead.GetAsync($"{planned.PlanPath}/versions"), HttpStatusCode.OK);

        Assert.Equal(1, planned.Plan["version"]!.GetValue<int>());
        Assert.Equal("planned", PlannedCase.StatusOf(planned.Plan, planned.StepId(0)));
        Assert.Equal((2, "週に一度、外に出る"), (updated["version"]!.GetValue<int>(), updated["goals"]![0]!["text"]!.GetValue<string>()));
        await Scenario.ReadProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        await Scenario.ReadProblemAsync(unnamed, (HttpStatusCode)428);
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);
        Assert.Equal("週に一度、外に出る", (await Scenario.ReadAsync(read, HttpStatusCode.OK))["goals"]![0]!["text"]!.GetValue<string>());
        Assert.Equal([2, 1], versions["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal("朝、決まった時間に起きる", versions["items"]![1]!["goals"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_step_stepped_back_and_forward_again_keeps_each_move_as_a_version_and_no_escalation()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "歩");
        var step = planned.StepId(0);

        var started = await Scenario.ReadAsync(await planned.MoveAsync(planned.Lead, step, StepStatuses.Started), HttpStatusCode.OK);
        var back = await Scenario.ReadAsync(await planned.MoveAsync(planned.Lead, step, StepStatuses.SteppedBack, "少し休みたい"), HttpStatusCode.OK);
        var again = await Scenario.ReadAsync(await planned.MoveAsync(planned.Lead, step, StepStatuses.Started), HttpStatusCode.OK);
        var same = await planned.MoveAsync(planned.Lead, step, StepStatuses.Started);
        var unknown = await planned.MoveAsync(planned.Lead, Guid.NewGuid(), StepStatuses.Started);
        var versions = await Scenario.ReadAsync(await planned.Lead.GetAsync($"{planned.PlanPath}/versions"), HttpStatusCode.OK);

        Assert.Equal(["started", "stepped-back", "started"], new[] { started, back, again }.Select(p => PlannedCase.StatusOf(p, step)));
        Assert.Equal("planned", PlannedCase.StatusOf(again, planned.StepId(1)));
        Assert.Equal(4, again["version"]!.GetValue<int>());
        Assert.Equal(["step-moved", "step-moved", "step-moved", "written"], versions["items"]!.AsArray().Select(v => v!["change"]!.GetValue<string>()));
        Assert.Contains("to", (await Scenario.ReadProblemAsync(same, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        await Scenario.ReadProblemAsync(unknown, HttpStatusCode.NotFound);
        using var coordinator = await _network.ClientAsync("coordinator");
        var escalations = await Scenario.ReadAsync(await coordinator.GetAsync("/api/handoffs/escalations?status=open"), HttpStatusCode.OK);
        Assert.DoesNotContain(escalations["items"]!.AsArray(), e => e!["caseId"]!.GetValue<Guid>() == planned.CaseId);
    }

    [Fact]
    public async Task An_agency_outside_the_team_and_a_pending_one_get_404_and_change_nothing()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "外");
        var scenario = new Scenario(_network);
        using var outsider = await _network.ClientAsync("worker", agency: await scenario.CreateAgencyAsync("cso", "Plan Outsiders"));
        var pendingAgency = await scenario.CreateAgencyAsync("welfare-office", "Plan Pending");
        using var pending = await _network.ClientAsync("worker", agency: pendingAgency);
        // The pending agency knows the young person's name and birth date: its referral waits for admission.
        await Scenario.ReadAsync(await pending.PostAsJsonAsync("/api/intake/referrals", planned.Referral), HttpStatusCode.Accepted);

        foreach (var caller in new[] { outsider, pending })
        {
            await Scenario.ReadProblemAsync(await caller.GetAsync(planned.PlanPath), HttpStatusCode.NotFound);
            await Scenario.ReadProblemAsync(await planned.WriteAsync(caller, PlannedCase.PlanBody(pendingAgency), version: 1), HttpStatusCode.NotFound);
            await Scenario.ReadProblemAsync(await planned.MoveAsync(caller, planned.StepId(0), StepStatuses.Started), HttpStatusCode.NotFound);
            await Scenario.ReadProblemAsync(await caller.GetAsync($"{planned.PlanPath}/versions"), HttpStatusCode.NotFound);
        }

        var plan = await planned.ReadPlanAsync(planned.Lead);
        Assert.Equal((1, "planned"), (plan["version"]!.GetValue<int>(), PlannedCase.StatusOf(plan, planned.StepId(0))));
    }

    [Fact]
    public async Task A_step_must_be_owned_by_a_member_and_bad_plans_are_refused_field_by_field()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "欄");
        var stranger = Guid.NewGuid();

        var refused = await planned.WriteAsync(planned.Lead, new
        {
            goals = new[] { new { text = " " } },
            steps = new[] { new { kind = "space-travel", title = "", ownerAgencyId = stranger, due = "2027-01-01" } },
            nextReviewDue = "2001-01-01",
        }, version: 1);

        var errors = (await Scenario.ReadProblemAsync(refused, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "goals[0].text", "steps[0].kind", "steps[0].title", "steps[0].ownerAgencyId", "nextReviewDue" }, errors);
        Assert.Equal(1, (await planned.ReadPlanAsync(planned.Lead))["version"]!.GetValue<int>());
    }
}
