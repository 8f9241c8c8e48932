using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.Plan;

/// <summary>The plan's next review is a due of its case in the worker's caseload, as support announces it.</summary>
[Collection(NetworkCollection.Name)]
public sealed class PlanReviewDueTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_plans_next_review_is_the_next_due_of_its_case_and_a_review_moves_it()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "期");
        var reviewDay = DateOnly.Parse(planned.Plan["nextReviewDue"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var due = await Eventually.Until(() => NextDueAsync(planned), d => d is not null, "the plan's review to be the case's next due");
        Assert.Equal(reviewDay, DayInJapan(due!.Value));

        var nextDay = reviewDay.AddDays(14);
        await Scenario.ReadAsync(await planned.Lead.PostAsJsonAsync($"/api/support/cases/{planned.CaseId}/reviews", new
        {
            goals = new[] { new { goalId = planned.GoalId(0), progress = ReviewProgress.Better } },
            nextReviewDue = nextDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }), HttpStatusCode.Created);
        await Eventually.Until(() => NextDueAsync(planned), d => d is { } at && DayInJapan(at) == nextDay, "the review to move the case's next due");
    }

    private static DateOnly DayInJapan(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    private static async Task<DateTimeOffset?> NextDueAsync(PlannedCase planned)
    {
        var listed = await Scenario.ReadAsync(await planned.Lead.GetAsync($"/api/intake/cases?participating=true&case={planned.CaseId}"), HttpStatusCode.OK);
        return listed["items"]!.AsArray().Single()!["nextDue"]?.GetValue<DateTimeOffset>();
    }
}
