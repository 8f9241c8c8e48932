using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.ConsentAuthority;

[Collection(NetworkCollection.Name)]
public sealed class ConsentAuthorityTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task An_agency_outside_the_persons_cases_neither_reads_nor_records_nor_revokes_their_consent()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var consentId = await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["contact"]);
        using var outsider = await _network.ClientAsync("worker", agency: await new Scenario(_network).CreateAgencyAsync("cso", "Outside CSO"));

        var list = await outsider.GetAsync($"/api/consent/persons/{referred.PersonId}/consents");
        var receipt = await outsider.GetAsync($"/api/consent/consents/{consentId}/receipt");
        var grant = await Scenario.GrantAsync(outsider, referred.PersonId, ["contact", "case-notes"]);
        var revoke = await outsider.PostAsync($"/api/consent/consents/{consentId}/revoke", null);

        await Scenario.ReadProblemAsync(list, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(receipt, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(grant, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(revoke, HttpStatusCode.NotFound);
        var consents = await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK);
        Assert.Equal([$"{consentId}:active"], consents["items"]!.AsArray().Select(c => $"{c!["consentId"]}:{c["status"]}"));
    }

    [Fact]
    public async Task A_coordinator_reads_no_consent_receipt_access_log_or_decision_of_a_person()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var consentId = await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["contact"]);
        using var coordinator = await _network.ClientAsync("coordinator");

        await Scenario.ReadProblemAsync(await coordinator.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await coordinator.GetAsync($"/api/consent/consents/{consentId}/receipt"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await coordinator.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await coordinator.GetAsync(
            $"/api/consent/decisions?personId={referred.PersonId}&agencyId={referred.School}&category=contact&purpose=coordination"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_read_by_an_auditor_is_an_entry_in_the_young_persons_access_log()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var consentId = await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["contact"]);
        using var auditor = await _network.ClientAsync("auditor", sub: "dpo-1");
        using var youth = await _network.ClientAsync("youth", person: referred.PersonId);

        await Scenario.ReadAsync(await auditor.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK);
        await Scenario.ReadAsync(await auditor.GetAsync($"/api/consent/consents/{consentId}/receipt"), HttpStatusCode.OK);
        await Scenario.ReadAsync(await auditor.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log"), HttpStatusCode.OK);
        var revokeByAuditor = await auditor.PostAsync($"/api/consent/consents/{consentId}/revoke", null);
        var log = await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log"), HttpStatusCode.OK);

        await Scenario.ReadProblemAsync(revokeByAuditor, HttpStatusCode.NotFound);
        var audited = log["items"]!.AsArray().Where(e => e!["role"]?.GetValue<string>() == "auditor")
            .Select(e => $"{e!["kind"]}:{e["category"]}:{e["purpose"]}").ToList();
        Assert.Equal(["read:consents:audit", "read:consents:audit", "read:access-log:audit"], audited);
    }

    [Fact]
    public async Task A_worker_recorded_consent_names_the_agency_and_the_user_who_recorded_it()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        using var teacher = await _network.ClientAsync("worker", agency: referred.School, sub: "teacher-7");
        var consentId = await ReferredPerson.GrantAsync(teacher, referred.PersonId, ["contact"]);
        using var youth = await _network.ClientAsync("youth", person: referred.PersonId);

        var listed = (await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK))
            ["items"]!.AsArray().Single()!;
        var receipt = await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/consents/{consentId}/receipt"), HttpStatusCode.OK);

        Assert.Equal(referred.School, listed["recordedBy"]!["agencyId"]!.GetValue<Guid>());
        Assert.Equal("teacher-7", listed["recordedBy"]!["userId"]!.GetValue<string>());
        Assert.Equal(referred.School, receipt["recordedBy"]!["agencyId"]!.GetValue<Guid>());
        Assert.Contains($"recorded by agency {referred.School}", receipt["humanReadable"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_young_person_grants_only_as_themself_and_for_themself()
    {
        var referred = await ReferredPerson.CreateAsync(_network, birthDate: "2004-04-02");
        using var youth = await _network.ClientAsync("youth", person: referred.PersonId);
        object Grant(string grantor) => new
        {
            personId = referred.PersonId, grantor, method = "online", purposes = new[] { "coordination" }, categories = new[] { "contact" },
            recipients = new { scope = "network" },
        };

        var asWorker = await Scenario.UntilKnownAsync(() => youth.PostAsJsonAsync("/api/consent/consents", Grant("worker-recorded")), "the person");
        var asThemself = await youth.PostAsJsonAsync("/api/consent/consents", Grant("youth"));

        Assert.Equal(["grantor"], (await Scenario.ReadProblemAsync(asWorker, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        await Scenario.ReadAsync(asThemself, HttpStatusCode.Created);
    }
}
