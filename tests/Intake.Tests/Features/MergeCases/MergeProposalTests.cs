using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.MergeCases;

/// <summary>
/// A school and a clinic each refer 山田太郎 / 山田太朗, born the same day in the same town. Neither takes part in the
/// other's case, so a merge needs both sides.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class MergeProposalTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private sealed record TwoAgencies(HttpClient School, Guid SchoolCase, HttpClient Clinic, Guid ClinicAgency, Guid ClinicCase);

    private async Task<TwoAgencies> ReferTwiceAsync()
    {
        var (birthDate, town) = (UniqueBirthDate(), UniqueTown());
        var referrals = new Referrals(_network);
        var (school, _) = await referrals.WorkerOfNewAgencyAsync("school", "Proposal High");
        var (clinic, clinicAgency) = await referrals.WorkerOfNewAgencyAsync("clinic", "Proposal Clinic");
        var schoolCase = IdOf(await ReferAsync(school, Scenario.Referral("山田", "太郎", birthDate, town)), "caseId");
        var clinicCase = IdOf(await ReferAsync(clinic, Scenario.Referral("山田", "太朗", birthDate, town, source: "agency-worker")), "caseId");
        return new TwoAgencies(school, schoolCase, clinic, clinicAgency, clinicCase);
    }

    private static async Task<Guid> ProposeAsync(TwoAgencies two)
    {
        var answer = await Scenario.ReadAsync(await two.School.PostAsJsonAsync(
            $"/api/intake/cases/{two.SchoolCase}/merge", new { otherCaseId = two.ClinicCase }), HttpStatusCode.Accepted);
        Assert.Equal("awaiting-confirmation", answer["status"]!.GetValue<string>());
        return IdOf(answer, "proposalId");
    }

    private static async Task<IReadOnlyList<Guid>> ListedAsync(HttpClient worker, bool incoming) =>
        (await Scenario.ReadAsync(await worker.GetAsync($"/api/intake/merge-proposals?incoming={incoming.ToString().ToLowerInvariant()}&limit=200"),
            HttpStatusCode.OK))["items"]!.AsArray().Select(p => IdOf(p!.AsObject(), "proposalId")).ToList();

    private static Task<HttpResponseMessage> DecideAsync(HttpClient worker, Guid proposalId, string decision) =>
        worker.PostAsync($"/api/intake/merge-proposals/{proposalId}/{decision}", null);

    [Fact]
    public async Task A_merge_into_a_case_of_another_agency_waits_until_a_worker_of_that_agency_confirms_it()
    {
        var two = await ReferTwiceAsync();
        using var outsider = await _network.ClientAsync("worker", agency: Guid.NewGuid());

        var proposalId = await ProposeAsync(two);
        Assert.Equal(proposalId, await ProposeAsync(two)); // proposing again answers the proposal that waits

        Assert.Contains(proposalId, await ListedAsync(two.Clinic, incoming: true));
        Assert.Contains(proposalId, await ListedAsync(two.School, incoming: false));
        Assert.DoesNotContain(proposalId, await ListedAsync(two.School, incoming: true));
        Assert.DoesNotContain(proposalId, await ListedAsync(outsider, incoming: true));
        Assert.DoesNotContain(two.ClinicAgency, (await ViewAsync(two.School, two.SchoolCase))["participants"]!.AsArray().Select(p => p!.GetValue<Guid>()));
        await Scenario.ReadProblemAsync(await two.School.GetAsync($"/api/intake/cases/{two.ClinicCase}"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await DecideAsync(two.School, proposalId, "confirm"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await DecideAsync(outsider, proposalId, "confirm"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await DecideAsync(outsider, proposalId, "decline"), HttpStatusCode.NotFound);
        Assert.Null((await ViewAsync(two.Clinic, two.ClinicCase))["mergedInto"]);

        var merged = await Scenario.ReadAsync(await DecideAsync(two.Clinic, proposalId, "confirm"), HttpStatusCode.OK);
        await Scenario.ReadAsync(await DecideAsync(two.Clinic, proposalId, "confirm"), HttpStatusCode.OK);

        Assert.Equal(two.ClinicCase, IdOf(merged, "mergedCaseId"));
        Assert.Equal(two.SchoolCase, IdOf(await ViewAsync(two.Clinic, two.ClinicCase), "mergedInto"));
        Assert.Contains(two.ClinicAgency, (await ViewAsync(two.School, two.SchoolCase))["participants"]!.AsArray().Select(p => p!.GetValue<Guid>()));
        await Scenario.ReadProblemAsync(await DecideAsync(two.Clinic, proposalId, "decline"), HttpStatusCode.Conflict);
        Assert.DoesNotContain(proposalId, await ListedAsync(two.Clinic, incoming: true));
    }

    [Fact]
    public async Task A_declined_proposal_merges_nothing_and_cannot_be_confirmed_afterwards()
    {
        var two = await ReferTwiceAsync();
        var proposalId = await ProposeAsync(two);

        var declined = await Scenario.ReadAsync(await DecideAsync(two.Clinic, proposalId, "decline"), HttpStatusCode.OK);

        Assert.Equal("declined", declined["status"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(await DecideAsync(two.Clinic, proposalId, "confirm"), HttpStatusCode.Conflict);
        Assert.Null((await ViewAsync(two.Clinic, two.ClinicCase))["mergedInto"]);
        Assert.Equal("open", (await ViewAsync(two.Clinic, two.ClinicCase))["status"]!.GetValue<string>());
        Assert.DoesNotContain(proposalId, await ListedAsync(two.Clinic, incoming: true));
        Assert.DoesNotContain(proposalId, await ListedAsync(two.School, incoming: false));
    }

    [Fact]
    public async Task A_self_referral_without_a_name_is_a_near_match_only_when_a_contact_channel_matches()
    {
        var (birthDate, town) = (UniqueBirthDate(), UniqueTown());
        var (school, _) = await new Referrals(_network).WorkerOfNewAgencyAsync("school", "Contact High");
        var schoolCase = IdOf(await ReferAsync(school, Scenario.Referral("山田", "太郎", birthDate, town)), "caseId"); // taro@example.org
        using var anonymous = await _network.ClientAsync();
        async Task<Guid> SelfReferAsync(string email) => IdOf(await Scenario.ReadAsync(await anonymous.PostAsJsonAsync("/api/intake/self-referrals", new
        {
            nickname = "たろ", birthDate, municipality = town, contact = new { email }, needs = new[] { "social-connection" },
        }), HttpStatusCode.Accepted), "caseId");

        var sameAddress = await SelfReferAsync(" Taro@Example.org ");
        var otherAddress = await SelfReferAsync("someone-else@example.org");

        var listed = (await Scenario.ReadAsync(await school.GetAsync($"/api/intake/cases/{schoolCase}/possible-duplicates"), HttpStatusCode.OK))
            ["items"]!.AsArray();

        // The self-referred cases are the intake desk's: never shown to the school, proposed to the desk for the match only.
        Assert.Empty(listed);
        using var desk = await _network.ClientAsync("worker", agency: ReferralNetwork.IntakeDesk);
        var proposed = (await Scenario.ReadAsync(await desk.GetAsync("/api/intake/merge-proposals?incoming=true&limit=200"), HttpStatusCode.OK))
            ["items"]!.AsArray().Where(p => IdOf(p!.AsObject(), "caseId") == schoolCase).Select(p => p!.AsObject()).ToList();
        var match = Assert.Single(proposed);
        Assert.Equal(sameAddress, IdOf(match, "otherCaseId"));
        Assert.Contains("same-contact", match["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
