using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.YouthPlans;

/// <summary>API-v3 §4: the young person reads their plan without a code per case, agrees to it and comments.</summary>
[Collection(NetworkCollection.Name)]
public sealed class YouthPlanTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task The_young_person_reads_their_plan_agrees_and_comments_and_sees_their_key_person()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "若");
        await Scenario.ReadAsync(await planned.Lead.PutAsJsonAsync($"/api/intake/cases/{planned.CaseId}/key-person",
            new { agencyId = planned.School, displayName = "佐藤 さん" }), HttpStatusCode.OK);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, planned.YouthAccessCode);
        using var _ = youth;
        using var someoneElse = await _network.ClientAsync("youth", person: Guid.NewGuid());

        var mine = await Scenario.ReadAsync(await youth.GetAsync("/api/support/me/plans"), HttpStatusCode.OK);
        var agreed = await Scenario.ReadAsync(await youth.PostAsync($"/api/support/me/plans/{planned.CaseId}/agree", null), HttpStatusCode.OK);
        var comment = await youth.PostAsJsonAsync($"/api/support/me/plans/{planned.CaseId}/comment", new { text = "オンラインからがいいです" });
        var empty = await youth.PostAsJsonAsync($"/api/support/me/plans/{planned.CaseId}/comment", new { text = "" });
        var notTheirs = await someoneElse.PostAsync($"/api/support/me/plans/{planned.CaseId}/agree", null);
        var othersPlans = await Scenario.ReadAsync(await someoneElse.GetAsync("/api/support/me/plans"), HttpStatusCode.OK);
        var asTheLeadSees = await planned.ReadPlanAsync(planned.Lead);
        var team = await Scenario.ReadAsync(await youth.GetAsync($"/api/intake/cases/{planned.CaseId}/team"), HttpStatusCode.OK);

        var plan = Assert.Single(mine["items"]!.AsArray())!;
        Assert.Equal((planned.CaseId, "朝、決まった時間に起きる"), (plan["caseId"]!.GetValue<Guid>(), plan["goals"]![0]!["text"]!.GetValue<string>()));
        Assert.Equal(1, agreed["youthAgreedVersion"]!.GetValue<int>());
        Assert.NotNull(agreed["youthAgreedAt"]);
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Contains("text", (await Scenario.ReadProblemAsync(empty, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        await Scenario.ReadProblemAsync(notTheirs, HttpStatusCode.NotFound);
        Assert.Empty(othersPlans["items"]!.AsArray());
        Assert.Equal("オンラインからがいいです", asTheLeadSees["comments"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(1, asTheLeadSees["youthAgreedVersion"]!.GetValue<int>());
        Assert.Equal("佐藤 さん", team["keyPerson"]!["displayName"]!.GetValue<string>());
    }
}
