using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Gateway.Tests.BadInput;

[Collection(NetworkCollection.Name)]
public sealed class ControlCharacterTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_NUL_in_a_query_is_422_naming_the_parameter_not_a_500()
    {
        using var admin = await _network.ClientAsync("agency-admin", agency: Guid.NewGuid());

        var problem = await Scenario.ReadProblemAsync(await admin.GetAsync("/api/matching/services?need=%00"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["query.need"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_control_character_in_a_body_is_422_naming_the_field_and_nothing_is_stored()
    {
        var agency = await new Scenario(_network).CreateAgencyAsync("school", "Control High");
        using var teacher = await _network.ClientAsync("worker", agency: agency);
        var town = Towns.Unique();

        var withNul = await teacher.PostAsJsonAsync("/api/intake/referrals", Scenario.Referral(familyName: "山\u0000田", municipality: town));
        var withBell = await teacher.PostAsJsonAsync("/api/intake/referrals", Scenario.Referral(givenName: "太\u0007郎", municipality: town));
        var cases = await Scenario.ReadAsync(await teacher.GetAsync("/api/intake/cases?participating=true"), HttpStatusCode.OK);

        Assert.Equal(["person.familyName"], (await Scenario.ReadProblemAsync(withNul, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["person.givenName"], (await Scenario.ReadProblemAsync(withBell, HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(cases["items"]!.AsArray());
    }

    [Fact]
    public async Task Newlines_and_tabs_stay_allowed_in_free_text()
    {
        var agency = await new Scenario(_network).CreateAgencyAsync("school", "Newline High");
        using var teacher = await _network.ClientAsync("worker", agency: agency);
        var referral = Scenario.Referral(givenName: $"改{Guid.NewGuid():N}"[..8], municipality: Towns.Unique());
        var body = System.Text.Json.JsonSerializer.SerializeToNode(referral)!.AsObject();
        body["summary"] = "First line.\n\tSecond line.";

        await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", body), HttpStatusCode.Created);
    }
}
