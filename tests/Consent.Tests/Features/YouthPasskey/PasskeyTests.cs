using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.YouthPasskey;

/// <summary>
/// The passkey routes as any client meets them. A passkey made and used by a browser (Chromium's virtual authenticator)
/// is in the web app's youth journey tests; here, what the options ask for and every refusal.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class PasskeyTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    /// <summary>Shaped like a browser's answer, but no authenticator signed it.</summary>
    private static readonly object Forged = new
    {
        id = "AAECAwQFBgcICQ", rawId = "AAECAwQFBgcICQ", type = "public-key", clientExtensionResults = new { },
        response = new
        {
            clientDataJSON = "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0", attestationObject = "oA", authenticatorData = "AAAA", signature = "AAAA",
        },
    };

    [Fact]
    public async Task Enrolment_options_ask_the_phone_for_a_passkey_it_keeps_and_unlocks_for_this_person_at_the_web_apps_host()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        using var enrolment = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, referred.YouthAccessCode!));

        var asked = await Scenario.ReadAsync(await enrolment.PostAsync("/api/consent/youth/credential/passkey-options", null), HttpStatusCode.OK);

        var options = asked["options"]!;
        Assert.NotEqual(Guid.Empty, asked["ceremonyId"]!.GetValue<Guid>());
        Assert.Equal("localhost", options["rp"]!["id"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(referred.PersonId.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            options["user"]!["id"]!.GetValue<string>());
        Assert.Equal("required", options["authenticatorSelection"]!["residentKey"]!.GetValue<string>());
        Assert.Equal("required", options["authenticatorSelection"]!["userVerification"]!.GetValue<string>());
        Assert.True(options["challenge"]!.GetValue<string>().Length >= 22);
        // Nothing about the person but their id: no name is kept, so none is given to the phone.
        Assert.Equal("ReferralNet", options["user"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_forged_answer_is_refused_with_its_reason_and_its_ceremony_cannot_be_answered_again()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        using var enrolment = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, referred.YouthAccessCode!));
        var ceremonyId = (await Scenario.ReadAsync(await enrolment.PostAsync("/api/consent/youth/credential/passkey-options", null), HttpStatusCode.OK))
            ["ceremonyId"]!.GetValue<Guid>();

        var refused = await Scenario.ReadProblemAsync(
            await enrolment.PostAsJsonAsync("/api/consent/youth/credential/passkey", new { ceremonyId, credential = Forged }), HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(refused["errors"]!["credential"]);
        await Scenario.ReadProblemAsync(
            await enrolment.PostAsJsonAsync("/api/consent/youth/credential/passkey", new { ceremonyId, credential = Forged }), HttpStatusCode.Conflict);

        // Nothing was stored: the code still chooses a credential.
        var full = await enrolment.PostAsJsonAsync("/api/consent/youth/credential", new { signInName = $"p-{Guid.NewGuid():N}"[..20], passphrase = YouthSignIn.Passphrase });
        Assert.Equal(HttpStatusCode.Created, full.StatusCode);
    }

    [Fact]
    public async Task An_answer_without_a_ceremony_or_a_credential_is_named_at_its_field()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        using var enrolment = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, referred.YouthAccessCode!));

        var refused = await Scenario.ReadProblemAsync(
            await enrolment.PostAsJsonAsync("/api/consent/youth/credential/passkey", new { credential = "not an object" }), HttpStatusCode.UnprocessableEntity);

        Assert.NotNull(refused["errors"]!["ceremonyId"]);
        Assert.NotNull(refused["errors"]!["credential"]);
        await Scenario.ReadProblemAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential/passkey",
            new { ceremonyId = Guid.NewGuid(), credential = Forged }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_code_that_already_chose_a_passphrase_is_not_asked_for_a_passkey()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        using var enrolment = YouthSignIn.WithToken(_network, await YouthSignIn.ExchangeAsync(_network, referred.YouthAccessCode!));
        await Scenario.ReadAsync(await enrolment.PostAsJsonAsync("/api/consent/youth/credential",
            new { signInName = $"p-{Guid.NewGuid():N}"[..20], passphrase = YouthSignIn.Passphrase }), HttpStatusCode.Created);

        await Scenario.ReadProblemAsync(await enrolment.PostAsync("/api/consent/youth/credential/passkey-options", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Anyone_may_ask_to_sign_in_with_a_passkey_but_an_unknown_one_is_not_signed_in_and_the_ceremony_is_used_up()
    {
        using var anonymous = new HttpClient { BaseAddress = _network.Gateway };

        var asked = await Scenario.ReadAsync(await anonymous.PostAsync("/api/consent/youth/sign-in/passkey-options", null), HttpStatusCode.OK);
        Assert.Equal("localhost", asked["options"]!["rpId"]!.GetValue<string>());
        Assert.Equal("required", asked["options"]!["userVerification"]!.GetValue<string>());
        Assert.Empty(asked["options"]!["allowCredentials"]?.AsArray() ?? []);
        var ceremonyId = asked["ceremonyId"]!.GetValue<Guid>();

        await Scenario.ReadProblemAsync(
            await anonymous.PostAsJsonAsync("/api/consent/youth/sign-in/passkey", new { ceremonyId, credential = Forged }), HttpStatusCode.Unauthorized);
        await Scenario.ReadProblemAsync(
            await anonymous.PostAsJsonAsync("/api/consent/youth/sign-in/passkey", new { ceremonyId, credential = Forged }), HttpStatusCode.Conflict);
    }
}
