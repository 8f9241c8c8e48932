using System.Net;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.ListCases;

[Collection(NetworkCollection.Name)]
public sealed class ListCasesTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task An_agency_lists_the_cases_it_takes_part_in_and_no_others_page_by_page()
    {
        var referrals = new Referrals(_network);
        var (school, schoolAgency) = await referrals.WorkerOfNewAgencyAsync("school", "List High");
        var (clinic, _) = await referrals.WorkerOfNewAgencyAsync("clinic", "List Clinic");
        var ours = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ours.Add(IdOf(await ReferAsync(school, Scenario.Referral("伊藤", $"列{i}{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown())), "caseId"));
        }
        var theirs = IdOf(await ReferAsync(clinic, Scenario.Referral("伊藤", "他", UniqueBirthDate(), UniqueTown())), "caseId");

        var first = await Scenario.ReadAsync(await school.GetAsync("/api/intake/cases?participating=true&limit=2"), HttpStatusCode.OK);
        var second = await Scenario.ReadAsync(await school.GetAsync($"/api/intake/cases?participating=true&limit=2&cursor={first["nextCursor"]}"), HttpStatusCode.OK);

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(c => c!.AsObject()).ToList();
        Assert.Equal(ours.Order(), listed.Select(c => IdOf(c, "caseId")));
        Assert.DoesNotContain(theirs, listed.Select(c => IdOf(c, "caseId")));
        Assert.All(listed, c => Assert.True(c["leading"]!.GetValue<bool>()));
        Assert.All(listed, c => Assert.Equal(schoolAgency, IdOf(c, "leadAgencyId")));
        Assert.Null(second["nextCursor"]);
    }

    [Theory]
    [InlineData("participating=false", "participating")]
    [InlineData("status=lost", "status")]
    public async Task A_list_query_outside_the_contract_gets_422_naming_the_parameter(string query, string field)
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());

        var problem = await Scenario.ReadProblemAsync(await worker.GetAsync($"/api/intake/cases?{query}"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
