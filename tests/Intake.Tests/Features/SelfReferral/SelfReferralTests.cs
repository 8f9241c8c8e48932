using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.SelfReferral;

[Collection(NetworkCollection.Name)]
public sealed class SelfReferralTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_young_person_without_an_account_asks_for_help_and_the_intake_desk_leads_a_case_awaiting_their_consent()
    {
        using var anonymous = await _network.ClientAsync();
        using var desk = await _network.ClientAsync("worker", agency: ReferralNetwork.IntakeDesk);

        var asked = DateTimeOffset.UtcNow;
        var accepted = await Scenario.ReadAsync(await anonymous.PostAsJsonAsync("/api/intake/self-referrals", new
        {
            nickname = "ひかり", contact = new { line = "hikari-line-id" }, needs = new[] { "social-connection" },
            preferences = new { modalities = new[] { "online-chat" }, remoteFirst = true },
            message = "I have not been out for months. Chat is easier than talking.",
        }), HttpStatusCode.Accepted);

        var caseId = IdOf(accepted, "caseId");
        // What happens next, told at once: the reference, the channel the desk uses, and the day by which it will.
        Assert.Equal(BuildingBlocks.Web.CaseReference.Of(caseId), accepted["reference"]!.GetValue<string>());
        Assert.Equal("line", accepted["channel"]!.GetValue<string>());
        var contactBy = accepted["contactBy"]!.GetValue<DateTimeOffset>();
        Assert.InRange(contactBy, asked.AddDays(2).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(2));
        // ... and the desk's task says the same day.
        var tasks = await Scenario.ReadAsync(await desk.GetAsync("/api/intake/tasks"), HttpStatusCode.OK);
        var task = Assert.Single(tasks["items"]!.AsArray(), t => IdOf(t!.AsObject(), "caseId") == caseId)!;
        Assert.Equal("contact-self-referral", task["kind"]!.GetValue<string>());
        Assert.Equal(contactBy, task["dueAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(1)); // stored to the microsecond
        var view = await ViewAsync(desk, caseId);
        Assert.Equal("awaiting-consent", view["status"]!.GetValue<string>());
        Assert.Equal(ReferralNetwork.IntakeDesk, IdOf(view, "leadAgencyId"));
        Assert.Equal([ReferralNetwork.IntakeDesk], view["participants"]!.AsArray().Select(p => p!.GetValue<Guid>()));
        Assert.Null(view["contact"]); // even the desk reads the contact only with consent
        Assert.Equal(["case-opened", "referral-submitted"], KindsOf(view));
        var listed = await Scenario.ReadAsync(await desk.GetAsync("/api/intake/cases?participating=true&status=awaiting-consent&limit=200"), HttpStatusCode.OK);
        Assert.Contains(caseId, listed["items"]!.AsArray().Select(c => IdOf(c!.AsObject(), "caseId")));
        // Matching ranks services for a person of unknown age and town rather than failing on them.
        var matches = await new Scenario(_network).WaitForMatchesAsync(desk, IdOf(accepted, "referralId"));
        Assert.Equal("ready", matches["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_birth_date_the_young_persons_own_grant_waits_for_a_worker_and_a_recorded_consent_opens_the_case()
    {
        using var anonymous = await _network.ClientAsync();
        using var desk = await _network.ClientAsync("worker", agency: ReferralNetwork.IntakeDesk);
        var caseId = IdOf(await Scenario.ReadAsync(await anonymous.PostAsJsonAsync("/api/intake/self-referrals", new
        {
            contact = new { email = "sora@example.org" }, needs = new[] { "mental-health" },
        }), HttpStatusCode.Accepted), "caseId");
        var personId = IdOf(await ViewAsync(desk, caseId), "personId");
        using var youth = await _network.ClientAsync("youth", person: personId);
        Assert.Contains(caseId, await DeskTaskCasesAsync(desk));

        var refused = await Scenario.ReadProblemAsync(await Scenario.UntilKnownAsync(() => youth.PostAsJsonAsync("/api/consent/consents", new
        {
            personId, grantor = "youth", method = "online", purposes = new[] { "coordination" }, categories = new[] { "contact" },
            recipients = new { scope = "network" },
        }), "the consent service to know the person"), HttpStatusCode.UnprocessableEntity);
        await Scenario.ReadAsync(await Scenario.GrantAsync(desk, personId, ["contact"]), HttpStatusCode.Created);

        Assert.Equal(["grantor"], refused["errors"]!.AsObject().Select(e => e.Key));
        // Two consumers take the grant: the timeline's (which opens the case) and the consent projection's (which shows the contact).
        var view = await ViewUntilAsync(desk, caseId, v => v["status"]!.GetValue<string>() == "open" && v["contact"] is not null,
            "the recorded consent to open the case and show the contact");
        Assert.Equal("sora@example.org", view["contact"]!["email"]!.GetValue<string>());
        // Reached and sharing: the desk's task to reach them is done.
        Assert.DoesNotContain(caseId, await DeskTaskCasesAsync(desk));
    }

    [Fact]
    public async Task Asking_again_with_the_same_key_gets_the_first_answer_and_the_key_with_another_request_is_refused()
    {
        using var anonymous = await _network.ClientAsync();
        var key = Guid.NewGuid().ToString("N");
        var body = new { contact = new { phone = "090-0000-0000" }, needs = new[] { "education" } };

        var first = await Scenario.ReadAsync(await PostWithKeyAsync(anonymous, key, body), HttpStatusCode.Accepted);
        var again = await Scenario.ReadAsync(await PostWithKeyAsync(anonymous, key, body), HttpStatusCode.Accepted);
        var other = await Scenario.ReadProblemAsync(await PostWithKeyAsync(anonymous, key, body with { needs = ["employment"] }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(["Idempotency-Key"], other["errors"]!.AsObject().Select(e => e.Key));
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/self-referrals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<Guid>> DeskTaskCasesAsync(HttpClient desk) =>
        [.. (await Scenario.ReadAsync(await desk.GetAsync("/api/intake/tasks"), HttpStatusCode.OK))["items"]!.AsArray()
            .Where(t => t!["kind"]!.GetValue<string>() == "contact-self-referral").Select(t => IdOf(t!.AsObject(), "caseId"))];

    [Fact]
    public async Task A_self_referral_without_a_way_to_reach_the_young_person_gets_422_naming_each_field()
    {
        using var anonymous = await _network.ClientAsync();

        var problem = await Scenario.ReadProblemAsync(await anonymous.PostAsJsonAsync("/api/intake/self-referrals", new
        {
            nickname = "ひかり", contact = new { preferred = "line" }, needs = new[] { "fortune-telling" }, birthDate = "2024-01-01",
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["birthDate", "contact", "contact.preferred", "needs"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }
}
