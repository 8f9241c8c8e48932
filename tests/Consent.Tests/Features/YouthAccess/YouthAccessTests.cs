using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.YouthAccess;

[Collection(NetworkCollection.Name)]
public sealed class YouthAccessTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task The_code_gives_only_an_enrolment_and_the_chosen_credential_gives_the_young_person_their_pages()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", referred.YouthAccessCode);

        var exchanged = await Scenario.ReadAsync(
            await Eventually.Until(() => YouthSignIn.SendCodeAsync(_network, referred.YouthAccessCode!.ToLowerInvariant()),
                r => r.StatusCode == HttpStatusCode.OK, "the code to reach the consent service"), HttpStatusCode.OK);
        Assert.Equal("enrol", exchanged["scope"]!.GetValue<string>());
        using var enrolment = YouthSignIn.WithToken(_network, YouthSignIn.TokenOf(exchanged));
        await Scenario.ReadProblemAsync(await enrolment.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(
            await Scenario.GrantAsync(enrolment, referred.PersonId, ["contact"], grantor: "youth"), HttpStatusCode.NotFound);

        var signInName = $"Y-{Guid.NewGuid():N}"[..20];
        var full = await Scenario.ReadAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential",
            new { signInName, passphrase = YouthSignIn.Passphrase }), HttpStatusCode.Created);
        Assert.Equal("full", full["scope"]!.GetValue<string>());
        using var youth = YouthSignIn.WithToken(_network, YouthSignIn.TokenOf(full));
        await Scenario.ReadAsync(await Scenario.GrantAsync(youth, referred.PersonId, ["contact"], grantor: "youth"), HttpStatusCode.Created);
        var mine = await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK);
        Assert.Equal("youth", mine["items"]![0]!["grantor"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(await youth.GetAsync($"/api/consent/persons/{Guid.NewGuid()}/consents"), HttpStatusCode.NotFound);

        await Scenario.ReadProblemAsync(await YouthSignIn.SendCodeAsync(_network, referred.YouthAccessCode!), HttpStatusCode.Unauthorized);
        await Scenario.ReadProblemAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential",
            new { signInName = signInName + "x", passphrase = YouthSignIn.Passphrase }), HttpStatusCode.Conflict);
        var signedIn = await Scenario.ReadAsync(await YouthSignIn.SignInAsync(_network, signInName.ToLowerInvariant()), HttpStatusCode.OK);
        Assert.Equal(referred.PersonId, signedIn["personId"]!.GetValue<Guid>());
        Assert.Equal("full", signedIn["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_young_person_who_leaves_enrolment_comes_back_with_the_same_code_and_the_code_dies_with_the_credential()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        using var left = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, referred.YouthAccessCode!));

        using var back = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, referred.YouthAccessCode!));
        await Scenario.ReadAsync(await back.PostAsJsonAsync("/api/consent/youth/credential",
            new { signInName = $"r-{Guid.NewGuid():N}"[..20], passphrase = YouthSignIn.Passphrase }), HttpStatusCode.Created);

        // One code chooses one credential: the token of the visit left half-way may not choose another, and the code is done.
        await Scenario.ReadProblemAsync(await left.PostAsJsonAsync("/api/consent/youth/credential",
            new { signInName = $"s-{Guid.NewGuid():N}"[..20], passphrase = YouthSignIn.Passphrase }), HttpStatusCode.Conflict);
        await Scenario.ReadProblemAsync(await YouthSignIn.SendCodeAsync(_network, referred.YouthAccessCode!), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_worker_who_uses_a_reset_code_gets_only_an_enrolment_and_the_young_person_sees_every_use_of_their_codes()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var (youth, signInName) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        using var _ = youth;

        var reset = (await Scenario.ReadAsync(await referred.Teacher.PostAsync(
            $"/api/intake/cases/{referred.CaseId}/youth-access-code", null), HttpStatusCode.Created))["youthAccessCode"]!.GetValue<string>();
        using var worker = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, reset));
        await Scenario.ReadProblemAsync(await worker.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await worker.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(await YouthSignIn.SendCodeAsync(_network, referred.YouthAccessCode!), HttpStatusCode.Unauthorized);
        // Until a credential is chosen with it, the reset code works again, and each use is logged too.
        await Scenario.ReadAsync(await YouthSignIn.SendCodeAsync(_network, reset), HttpStatusCode.OK);

        using var again = YouthSignIn.WithToken(_network, YouthSignIn.TokenOf(
            await Scenario.ReadAsync(await YouthSignIn.SignInAsync(_network, signInName), HttpStatusCode.OK)));
        var log = (await Scenario.ReadAsync(await again.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log"), HttpStatusCode.OK))
            ["items"]!.AsArray().Select(e => (Kind: e!["kind"]!.GetValue<string>(), Category: e["category"]!.GetValue<string>(),
                Agency: e["agencyId"]?.GetValue<Guid>(), Decision: e["decision"]!.GetValue<string>())).ToList();
        Assert.Equal([(referred.School, "access-code"), (referred.School, "access-code")],
            log.Where(e => e.Kind == "code-issued").Select(e => (e.Agency!.Value, e.Category)));
        Assert.Equal(3, log.Count(e => e is { Kind: "signed-in", Category: "access-code" }));
        Assert.Single(log, e => e.Kind == "credential-set");
        Assert.Single(log, e => e is { Kind: "signed-in", Category: "passphrase", Decision: "permit" });
    }

    [Fact]
    public async Task Wrong_passphrases_slow_the_next_try_whether_or_not_the_name_exists_and_the_right_one_works_after_the_wait()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var (youth, signInName) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        using var _ = youth;
        var unknownName = $"nobody-{Guid.NewGuid():N}"[..24];

        foreach (var name in new[] { signInName, unknownName })
        {
            // Three free tries, then a fourth that makes the next one wait a second.
            for (var i = 0; i < 4; i++)
            {
                await Scenario.ReadProblemAsync(await YouthSignIn.SignInAsync(_network, name, "not the passphrase"), HttpStatusCode.Unauthorized);
            }
            var waiting = await YouthSignIn.SignInAsync(_network, name);
            await Scenario.ReadProblemAsync(waiting, HttpStatusCode.TooManyRequests);
            Assert.InRange(waiting.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        }
        var signedIn = await Eventually.Until(() => YouthSignIn.SignInAsync(_network, signInName),
            r => r.StatusCode != HttpStatusCode.TooManyRequests, "the wait to pass", TimeSpan.FromSeconds(10));
        await Scenario.ReadAsync(signedIn, HttpStatusCode.OK);
        var log = await Scenario.ReadAsync(await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log"), HttpStatusCode.OK);
        Assert.Equal(4, log["items"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "signed-in" && e["decision"]!.GetValue<string>() == "deny"));
    }

    [Fact]
    public async Task A_code_is_told_a_name_is_taken_only_ten_times()
    {
        var first = await ReferredPerson.CreateAsync(_network);
        var (youth, taken) = await YouthSignIn.EnrolAsync(_network, first.YouthAccessCode!);
        youth.Dispose();
        var second = await ReferredPerson.CreateAsync(_network);
        using var enrolment = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, second.YouthAccessCode!));

        for (var i = 0; i < 10; i++)
        {
            await Scenario.ReadProblemAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential",
                new { signInName = taken, passphrase = YouthSignIn.Passphrase }), HttpStatusCode.UnprocessableEntity);
        }
        await Scenario.ReadProblemAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential",
            new { signInName = taken, passphrase = YouthSignIn.Passphrase }), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_credential_needs_a_valid_free_name_and_a_passphrase_of_ten_characters_that_is_hard_to_guess()
    {
        var first = await ReferredPerson.CreateAsync(_network);
        var (youth, taken) = await YouthSignIn.EnrolAsync(_network, first.YouthAccessCode!);
        youth.Dispose();
        var second = await ReferredPerson.CreateAsync(_network);
        using var enrolment = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, second.YouthAccessCode!));

        async Task<string> RefusedFieldAsync(string? signInName, string? passphrase) =>
            string.Join(',', (await Scenario.ReadProblemAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential",
                new { signInName, passphrase }), HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));

        Assert.Equal("signInName", await RefusedFieldAsync("ab", YouthSignIn.Passphrase));
        Assert.Equal("signInName", await RefusedFieldAsync("名前です", YouthSignIn.Passphrase));
        Assert.Equal("signInName", await RefusedFieldAsync(taken, YouthSignIn.Passphrase));
        Assert.Equal("passphrase", await RefusedFieldAsync("fine-name", "too short"));
        Assert.Equal("passphrase", await RefusedFieldAsync("fine-name", "aaaaaaaaaa"));
        Assert.Equal("passphrase", await RefusedFieldAsync("fine-name", "password1234"));
        Assert.Equal("signInName,passphrase", await RefusedFieldAsync(null, null));
        await Scenario.ReadProblemAsync(await YouthSignIn.SignInAsync(_network, "fine-name"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_second_referral_of_the_same_person_gives_no_new_code()
    {
        var school = await new Scenario(_network).CreateAgencyAsync("school", "Code High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var referral = Scenario.Referral(givenName: $"再{Guid.NewGuid():N}"[..8]);

        var first = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Created);
        var second = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Created);

        Assert.NotNull(first["youthAccessCode"]);
        Assert.True(second["existingCase"]!.GetValue<bool>());
        Assert.Null(second["youthAccessCode"]);
    }

    [Fact]
    public async Task A_code_given_again_by_a_participating_worker_replaces_the_old_one()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var reissued = await Scenario.ReadAsync(
            await referred.Teacher.PostAsync($"/api/intake/cases/{referred.CaseId}/youth-access-code", null), HttpStatusCode.Created);
        await YouthSignIn.ExchangeAsync(_network, reissued["youthAccessCode"]!.GetValue<string>());

        await Scenario.ReadProblemAsync(await YouthSignIn.SendCodeAsync(_network, referred.YouthAccessCode!), HttpStatusCode.Unauthorized);
        using var outsider = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        await Scenario.ReadProblemAsync(
            await outsider.PostAsync($"/api/intake/cases/{referred.CaseId}/youth-access-code", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_code_is_401_and_a_missing_code_is_422()
    {
        await Scenario.ReadProblemAsync(await YouthSignIn.SendCodeAsync(_network, "AAAA-BBBB-CCCC"), HttpStatusCode.Unauthorized);
        await Scenario.ReadProblemAsync(await YouthSignIn.SendCodeAsync(_network, ""), HttpStatusCode.UnprocessableEntity);
    }
}
