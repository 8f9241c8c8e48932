using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.YouthReset;

/// <summary>API-v3 §2: a staff-issued reset code never takes over a young person's account.</summary>
[Collection(NetworkCollection.Name)]
public sealed class CredentialResetTests(NetworkFixture fixture)
{
    private const string WorkersPassphrase = "the worker's own long passphrase here";
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_worker_who_uses_a_reset_code_holds_only_a_limited_credential_that_the_young_person_sees_and_cancels()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var (youth, signInName) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        youth.Dispose();

        var (worker, workersName) = await TakeOverAttemptAsync(referred);
        using var _ = worker;
        await Scenario.ReadProblemAsync(await Scenario.GrantAsync(worker, referred.PersonId, ["health", "education"], grantor: "youth"),
            HttpStatusCode.Forbidden);
        await Scenario.ReadProblemAsync(await worker.PostAsync("/api/consent/youth/reset/cancel", null), HttpStatusCode.Forbidden);
        await Scenario.ReadAsync(await worker.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK);
        var limited = await Scenario.ReadAsync(await YouthSignIn.SignInAsync(_network, workersName, WorkersPassphrase), HttpStatusCode.OK);
        Assert.Equal("limited", limited["scope"]!.GetValue<string>());

        // The young person's own passphrase still gives them everything, and shows them the waiting reset.
        using var own = YouthSignIn.WithToken(_network, YouthSignIn.TokenOf(await FullSignInAsync(signInName)));
        var waiting = await Scenario.ReadAsync(await own.GetAsync("/api/consent/youth/reset"), HttpStatusCode.OK);
        Assert.Equal(referred.School, waiting["requestedByAgencyId"]!.GetValue<Guid>());
        Assert.InRange(waiting["takesEffectAt"]!.GetValue<DateTimeOffset>() - waiting["requestedAt"]!.GetValue<DateTimeOffset>(),
            TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(72) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NoContent, (await own.PostAsync("/api/consent/youth/reset/cancel", null)).StatusCode);
        await Scenario.ReadProblemAsync(await worker.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.Unauthorized);
        await Scenario.ReadProblemAsync(await YouthSignIn.SignInAsync(_network, workersName, WorkersPassphrase), HttpStatusCode.Unauthorized);
        await Scenario.ReadProblemAsync(await own.GetAsync("/api/consent/youth/reset"), HttpStatusCode.NotFound);
        await Scenario.ReadAsync(await Scenario.GrantAsync(own, referred.PersonId, ["contact"], grantor: "youth"), HttpStatusCode.Created);

        var log = await AccessLogAsync(own, referred.PersonId);
        Assert.Equal(2, log.Count(e => e.Kind == "code-issued" && e.Agency == referred.School));
        Assert.Single(log, e => e.Kind == "reset-requested" && e.Agency == referred.School);
        Assert.Single(log, e => e.Kind == "reset-cancelled");
        Assert.DoesNotContain(log, e => e.Kind == "credential-reset");
    }

    [Fact]
    public async Task A_waiting_credential_replaces_the_old_one_once_the_delay_has_passed()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var (youth, oldName) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        using var _ = youth;
        var (renewed, newName) = await TakeOverAttemptAsync(referred);
        renewed.Dispose();

        try
        {
            _network.ConsentTime.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));
            await Eventually.Until(() => AccessLogAsync(youth, referred.PersonId), log => log.Any(e => e.Kind == "credential-reset"),
                "the reset to take effect");
        }
        finally
        {
            // Tokens the consent service issues carry its clock: back to the gateway's before anyone signs in.
            _network.ConsentTime.Reset();
        }

        await Scenario.ReadProblemAsync(await YouthSignIn.SignInAsync(_network, oldName), HttpStatusCode.Unauthorized);
        var signedIn = await Scenario.ReadAsync(await YouthSignIn.SignInAsync(_network, newName, WorkersPassphrase), HttpStatusCode.OK);
        Assert.Equal("full", signedIn["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_code_for_a_person_without_a_credential_sets_it_at_once()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var reissued = (await Scenario.ReadAsync(await referred.Teacher.PostAsync(
            $"/api/intake/cases/{referred.CaseId}/youth-access-code", null), HttpStatusCode.Created))["youthAccessCode"]!.GetValue<string>();

        var (youth, _) = await YouthSignIn.EnrolAsync(_network, reissued);
        using var __ = youth;

        await Scenario.ReadAsync(await Scenario.GrantAsync(youth, referred.PersonId, ["contact"], grantor: "youth"), HttpStatusCode.Created);
        await Scenario.ReadProblemAsync(await youth.GetAsync("/api/consent/youth/reset"), HttpStatusCode.NotFound);
    }

    /// <summary>The school's worker issues a reset code, exchanges it and chooses a credential: a takeover attempt.</summary>
    private async Task<(HttpClient Worker, string SignInName)> TakeOverAttemptAsync(ReferredPerson referred)
    {
        var reset = (await Scenario.ReadAsync(await referred.Teacher.PostAsync(
            $"/api/intake/cases/{referred.CaseId}/youth-access-code", null), HttpStatusCode.Created))["youthAccessCode"]!.GetValue<string>();
        using var enrolment = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, reset));
        var signInName = $"w-{Guid.NewGuid():N}"[..20];
        var chosen = await Scenario.ReadAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential",
            new { signInName, passphrase = WorkersPassphrase }), HttpStatusCode.Created);
        Assert.Equal("limited", chosen["scope"]!.GetValue<string>());
        return (YouthSignIn.WithToken(_network, YouthSignIn.TokenOf(chosen)), signInName);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> FullSignInAsync(string signInName)
    {
        var signedIn = await Scenario.ReadAsync(await YouthSignIn.SignInAsync(_network, signInName), HttpStatusCode.OK);
        Assert.Equal("full", signedIn["scope"]!.GetValue<string>());
        return signedIn;
    }

    private static async Task<List<(string Kind, Guid? Agency)>> AccessLogAsync(HttpClient youth, Guid personId) =>
        (await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{personId}/access-log?limit=200"), HttpStatusCode.OK))
            ["items"]!.AsArray().Select(e => (e!["kind"]!.GetValue<string>(), e["agencyId"]?.GetValue<Guid>())).ToList();
}
