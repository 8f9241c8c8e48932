using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.PossibleDuplicates;

/// <summary>A school and a clinic refer 山田太郎 and 山田太朗 (both read ヤマダタロウ), born the same day in the same town.</summary>
[Collection(NetworkCollection.Name)]
public sealed class PossibleDuplicatesTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private sealed record NearPair(HttpClient School, Guid SchoolAgency, JsonObject Taro, HttpClient Clinic, Guid ClinicAgency, JsonObject Tarou);

    private async Task<NearPair> ReferNearPairAsync(string birthDate, string town)
    {
        var referrals = new Referrals(_network);
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "Near High");
        var (clinic, clinicAgency) = await referrals.WorkerOfNewAgencyAsync("clinic", "Near Clinic");
        var taro = await ReferAsync(school, Scenario.Referral("山田", "太郎", birthDate, town));
        var tarou = await ReferAsync(clinic, Scenario.Referral("山田", "太朗", birthDate, town, source: "agency-worker"));
        return new NearPair(school, schoolAgency, taro, clinic, clinicAgency, tarou);
    }

    private static async Task<JsonArray> DuplicatesAsync(HttpClient worker, Guid caseId) =>
        (await Scenario.ReadAsync(await worker.GetAsync($"/api/intake/cases/{caseId}/possible-duplicates"), HttpStatusCode.OK))["items"]!.AsArray();

    private static Task<HttpResponseMessage> MergeAsync(HttpClient worker, Guid caseId, Guid otherCaseId) =>
        worker.PostAsJsonAsync($"/api/intake/cases/{caseId}/merge", new { otherCaseId });

    [Fact]
    public async Task A_near_match_among_the_agencys_own_cases_is_listed_for_review_and_not_merged()
    {
        var (birthDate, town) = (UniqueBirthDate(), UniqueTown());
        var (school, _) = await new Referrals(_network).WorkerOfNewAgencyAsync("school", "Own Near High");
        var taro = await ReferAsync(school, Scenario.Referral("山田", "太郎", birthDate, town));
        var tarou = await ReferAsync(school, Scenario.Referral("山田", "太朗", birthDate, town));
        var someoneElse = await ReferAsync(school, Scenario.Referral("山田", "太郎", UniqueBirthDate(), town));

        Assert.False(tarou["existingCase"]!.GetValue<bool>());
        Assert.NotEqual(IdOf(taro, "caseId"), IdOf(tarou, "caseId"));
        var listed = Assert.Single(await DuplicatesAsync(school, IdOf(taro, "caseId")));
        Assert.Equal(IdOf(tarou, "caseId"), listed!["caseId"]!.GetValue<Guid>());
        Assert.Contains("same-kana", listed["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.DoesNotContain(IdOf(someoneElse, "caseId"), (await DuplicatesAsync(school, IdOf(tarou, "caseId"))).Select(d => d!["caseId"]!.GetValue<Guid>()));
        Assert.Null((await ViewAsync(school, IdOf(taro, "caseId")))["mergedInto"]);
    }

    [Fact]
    public async Task A_near_match_in_another_agencys_case_is_never_shown_and_goes_to_that_case_as_one_merge_proposal()
    {
        var pair = await ReferNearPairAsync(UniqueBirthDate(), UniqueTown());
        var (taro, tarou) = (IdOf(pair.Taro, "caseId"), IdOf(pair.Tarou, "caseId"));

        var first = await DuplicatesAsync(pair.School, taro);
        var again = await DuplicatesAsync(pair.School, taro);
        var fromTheOtherSide = await DuplicatesAsync(pair.Clinic, tarou);

        Assert.Empty(first);
        Assert.Empty(again);
        Assert.Empty(fromTheOtherSide);
        var incoming = (await Scenario.ReadAsync(await pair.Clinic.GetAsync("/api/intake/merge-proposals?incoming=true&limit=200"), HttpStatusCode.OK))["items"]!.AsArray();
        var proposal = Assert.Single(incoming, p => IdOf(p!.AsObject(), "otherCaseId") == tarou)!;
        Assert.Equal((taro, pair.SchoolAgency), (IdOf(proposal.AsObject(), "caseId"), IdOf(proposal.AsObject(), "proposedByAgencyId")));
        Assert.DoesNotContain((await Scenario.ReadAsync(await pair.School.GetAsync("/api/intake/merge-proposals?incoming=true&limit=200"), HttpStatusCode.OK))["items"]!
            .AsArray(), p => IdOf(p!.AsObject(), "caseId") == tarou || IdOf(p.AsObject(), "otherCaseId") == taro);
        var view = await ViewAsync(pair.School, taro);
        Assert.DoesNotContain(pair.ClinicAgency, view["participants"]!.AsArray().Select(p => p!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Merging_keeps_both_timelines_and_a_later_referral_under_either_spelling_lands_on_the_case_that_carries_on()
    {
        var (birthDate, town) = (UniqueBirthDate(), UniqueTown());
        var pair = await ReferNearPairAsync(birthDate, town);
        var (kept, merged) = (IdOf(pair.Taro, "caseId"), IdOf(pair.Tarou, "caseId"));

        // The school takes no part in the clinic's case: the merge waits for the clinic to confirm it.
        var proposal = await Scenario.ReadAsync(await MergeAsync(pair.School, kept, merged), HttpStatusCode.Accepted);
        var answer = await Scenario.ReadAsync(await pair.Clinic.PostAsync(
            $"/api/intake/merge-proposals/{IdOf(proposal, "proposalId")}/confirm", null), HttpStatusCode.OK);
        var retried = await Scenario.ReadAsync(await MergeAsync(pair.School, kept, merged), HttpStatusCode.OK);

        Assert.Equal("open", answer["status"]!.GetValue<string>()); // the clinic's own referral had opened its case
        Assert.Equal(merged, retried["mergedCaseId"]!.GetValue<Guid>());
        var view = await ViewAsync(pair.Clinic, kept); // the clinic now takes part in the case that carries on
        var timeline = view["timeline"]!.AsArray();
        var referralIds = timeline.Where(e => e!["kind"]!.GetValue<string>() == "referral-submitted").Select(e => e!["refId"]!.GetValue<Guid>());
        Assert.Equal([IdOf(pair.Taro, "referralId"), IdOf(pair.Tarou, "referralId")], referralIds);
        Assert.Equal(2, KindsOf(view).Count(k => k == "case-opened"));
        Assert.Equal(["case-merged", "status-changed"], KindsOf(view).TakeLast(2));
        Assert.Equal(pair.ClinicAgency, IdOf(timeline.Last(e => e!["kind"]!.GetValue<string>() == "case-merged")!.AsObject(), "agencyId"));
        var times = timeline.Select(e => e!["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(new[] { pair.SchoolAgency, pair.ClinicAgency }.Order(), view["participants"]!.AsArray().Select(p => p!.GetValue<Guid>()).Order());
        var closed = await ViewAsync(pair.Clinic, merged);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal(kept, closed["mergedInto"]!.GetValue<Guid>());
        Assert.Empty(await DuplicatesAsync(pair.School, kept));

        var again = await ReferAsync(pair.Clinic, Scenario.Referral("山田", "太朗", birthDate, town, source: "agency-worker"));
        Assert.True(again["existingCase"]!.GetValue<bool>());
        Assert.Equal(kept, IdOf(again, "caseId"));
    }

    [Fact]
    public async Task Only_a_listed_near_match_can_be_merged_and_only_by_an_agency_taking_part()
    {
        var town = UniqueTown();
        var pair = await ReferNearPairAsync(UniqueBirthDate(), town);
        var stranger = await ReferAsync(pair.Clinic, Scenario.Referral("佐藤", "健", UniqueBirthDate(), town));
        using var outsider = await _network.ClientAsync("worker", agency: Guid.NewGuid());

        var problem = await Scenario.ReadProblemAsync(
            await MergeAsync(pair.Clinic, IdOf(pair.Tarou, "caseId"), IdOf(stranger, "caseId")), HttpStatusCode.UnprocessableEntity);
        await Scenario.ReadProblemAsync(await MergeAsync(outsider, IdOf(pair.Taro, "caseId"), IdOf(pair.Tarou, "caseId")), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await outsider.GetAsync($"/api/intake/cases/{IdOf(pair.Taro, "caseId")}/possible-duplicates"), HttpStatusCode.NotFound);

        Assert.Equal(["otherCaseId"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Null((await ViewAsync(pair.Clinic, IdOf(stranger, "caseId")))["mergedInto"]);
        Assert.Empty(await DuplicatesAsync(pair.School, IdOf(pair.Taro, "caseId"))); // the clinic's case, never shown to the school
    }
}
