using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Intake.Tests.Features.OpenReferral;

[Collection(NetworkCollection.Name)]
public sealed class ReferralValidationTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private static JsonObject ValidReferral() => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
        Scenario.Referral(birthDate: DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-20).ToString("yyyy-MM-dd"))))!.AsObject();

    private static string BirthDateForAge(int years, int days = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(days).ToString("yyyy-MM-dd");

    public static TheoryData<string, string, string?> Rules => new()
    {
        { "person.familyName", "person.familyName", null },
        { "person.givenName", "person.givenName", new string('名', 101) },
        { "person.familyNameKana", "person.familyNameKana", new string('カ', 101) },
        { "person.birthDate", "person.birthDate", null },
        { "person.birthDate", "person.birthDate", BirthDateForAge(6, days: 1) },   // five, a day short of six
        { "person.birthDate", "person.birthDate", BirthDateForAge(46) },
        { "person.municipality", "person.municipality", "" },
        { "person.contact.email", "person.contact.email", "not-an-address" },
        { "source", "source", "neighbour" },
        { "urgency", "urgency", "whenever" },
        { "summary", "summary", new string('話', 4001) },
        { "summary", "summary", null },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_referral_breaking_one_rule_gets_422_naming_that_field_and_stores_nothing(string path, string field, string? value)
    {
        var (worker, _) = await new Referrals(_network).WorkerOfNewAgencyAsync("school", "Rules High");
        var referral = ValidReferral();
        var parts = path.Split('.');
        var holder = parts.Length == 1 ? referral : path.StartsWith("person.contact.") ? referral["person"]!["contact"]!.AsObject() : referral["person"]!.AsObject();
        holder[parts[^1]] = value is null ? null : JsonValue.Create(value);

        var problem = await Scenario.ReadProblemAsync(await worker.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        var cases = await Scenario.ReadAsync(await worker.GetAsync("/api/intake/cases?participating=true"), HttpStatusCode.OK);
        Assert.Empty(cases["items"]!.AsArray());
    }

    [Theory]
    [InlineData("needs", """[]""")]
    [InlineData("needs", """["mental-health","astrology"]""")]
    [InlineData("preferences.modalities", """["telepathy"]""")]
    public async Task Codes_outside_the_taxonomy_get_422_naming_the_field(string field, string values)
    {
        var (worker, _) = await new Referrals(_network).WorkerOfNewAgencyAsync("school", "Codes High");
        var referral = ValidReferral();
        var list = JsonNode.Parse(values)!;
        if (field == "needs")
        {
            referral["needs"] = list;
        }
        else
        {
            referral["preferences"]!["modalities"] = list;
        }

        var problem = await Scenario.ReadProblemAsync(await worker.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
