using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.GrantConsent;

[Collection(NetworkCollection.Name)]
public sealed class ConsentOnceTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static async Task<JsonObject?> ViewAsync(HttpClient worker, Guid caseId)
    {
        var response = await worker.GetAsync($"/api/intake/cases/{caseId}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await Scenario.ReadAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Consent_given_once_covers_an_agency_that_joins_later_through_an_accepted_handoff_for_the_permitted_categories_only()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["contact", "needs-summary"]);
        using var peerWorker = await _network.ClientAsync("worker", agency: referred.Peers);
        Assert.Null(await ViewAsync(peerWorker, referred.CaseId)); // not part of the case yet

        var scenario = new Scenario(_network);
        await scenario.WaitForMatchesAsync(referred.Teacher, referred.ReferralId);
        var handoffId = (await scenario.OfferHandoffAsync(referred.Teacher, referred.ReferralId, referred.PeerService))["handoffId"]!.GetValue<Guid>();
        await Scenario.ReadAsync(await peerWorker.PostAsync($"/api/handoffs/{handoffId}/accept", null), HttpStatusCode.OK);

        var view = await Eventually.Until(() => ViewAsync(peerWorker, referred.CaseId),
            v => v?["contact"] is not null, "the receiving agency to see the case through the network consent");
        Assert.Equal("taro@example.org", view!["contact"]!["email"]!.GetValue<string>());
        Assert.Equal(["mental-health", "social-connection"], view["needs"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.NotNull(view["summary"]);
        Assert.Null(view["person"]); // identity was not consented to
    }

    [Fact]
    public async Task An_agency_outside_the_case_gets_404_even_with_a_valid_token_and_its_attempt_is_logged_as_denied()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["identity", "contact", "needs-summary"]);
        var outsiderAgency = Guid.NewGuid();
        using var outsider = await _network.ClientAsync("worker", agency: outsiderAgency);

        await Scenario.ReadProblemAsync(await outsider.GetAsync($"/api/intake/cases/{referred.CaseId}"), HttpStatusCode.NotFound);

        using var youth = await _network.ClientAsync("youth", person: referred.PersonId);
        var log = await Eventually.Until(
            async () => await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log"), HttpStatusCode.OK),
            l => l["items"]!.AsArray().Any(e => e!["agencyId"]!.GetValue<Guid>() == outsiderAgency),
            "the outsider's attempt in the access log");
        Assert.All(log["items"]!.AsArray().Where(e => e!["agencyId"]!.GetValue<Guid>() == outsiderAgency),
            e => Assert.Equal("deny", e!["decision"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_revocation_takes_effect_in_intake_and_consent_within_one_second_and_the_consent_stays_readable()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var consentId = await ReferredPerson.GrantAsync(referred.Teacher, referred.PersonId, ["identity", "contact", "needs-summary"]);
        await Eventually.Until(() => ViewAsync(referred.Teacher, referred.CaseId), v => v?["contact"] is not null, "the grant to reach intake");
        var decisionUrl = $"/api/consent/decisions?personId={referred.PersonId}&agencyId={referred.School}&category=contact&purpose=coordination";
        await Eventually.Until(async () => await Scenario.ReadAsync(await referred.Teacher.GetAsync(decisionUrl), HttpStatusCode.OK),
            d => d["decision"]!.GetValue<string>() == "permit", "the grant to reach consent's own projection");

        await Scenario.ReadAsync(await referred.Teacher.PostAsync($"/api/consent/consents/{consentId}/revoke", null), HttpStatusCode.OK);
        var revokedAt = Stopwatch.StartNew();

        var view = await Eventually.Until(() => ViewAsync(referred.Teacher, referred.CaseId),
            v => v?["contact"] is null, "intake to stop showing the contact", TimeSpan.FromSeconds(5));
        var intakeDenied = revokedAt.Elapsed;
        var decision = await Eventually.Until(async () => await Scenario.ReadAsync(await referred.Teacher.GetAsync(decisionUrl), HttpStatusCode.OK),
            d => d["decision"]!.GetValue<string>() == "deny", "the consent service to deny", TimeSpan.FromSeconds(5));
        var consentDenied = revokedAt.Elapsed;

        Assert.True(intakeDenied < TimeSpan.FromSeconds(1), $"intake denied after {intakeDenied.TotalMilliseconds:0} ms");
        Assert.True(consentDenied < TimeSpan.FromSeconds(1), $"consent denied after {consentDenied.TotalMilliseconds:0} ms");
        Assert.Null(view!["person"]);
        Assert.Null(view["needs"]);
        Assert.Equal("consent-revoked", decision["reason"]!.GetValue<string>());
        var consents = await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK);
        Assert.Equal("revoked", consents["items"]!.AsArray().Single()!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_young_person_cannot_read_another_persons_access_log_or_consents()
    {
        using var youth = await _network.ClientAsync("youth", person: Guid.NewGuid());
        var someoneElse = Guid.NewGuid();

        await Scenario.ReadProblemAsync(await youth.GetAsync($"/api/consent/persons/{someoneElse}/access-log"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await youth.GetAsync($"/api/consent/persons/{someoneElse}/consents"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_category_or_purpose_is_rejected_with_422_naming_the_field_and_nothing_is_stored()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var problem = await Scenario.ReadProblemAsync(await referred.Teacher.PostAsJsonAsync("/api/consent/consents", new
        {
            personId = referred.PersonId, grantor = "worker-recorded", method = "verbal", purposes = new[] { "marketing" },
            categories = new[] { "horoscope" }, recipients = new { scope = "network" },
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["categories", "purposes"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        // Until the referral reaches the consent service (milliseconds), the person is unknown there: 409 with Retry-After.
        var consents = await Scenario.ReadAsync(await Scenario.UntilKnownAsync(
            () => referred.Teacher.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), "the consent service to know the person"),
            HttpStatusCode.OK);
        Assert.Empty(consents["items"]!.AsArray());
    }
}
