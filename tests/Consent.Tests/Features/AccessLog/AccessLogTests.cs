using System.Net;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.AccessLog;

[Collection(NetworkCollection.Name)]
public sealed class AccessLogTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task The_young_person_reads_their_log_newest_first_a_page_at_a_time_or_oldest_first()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        using var _ = youth;
        var log = $"/api/consent/persons/{referred.PersonId}/access-log";
        // The referring school's reads of the consents are logged (the young person's own reads are not).
        for (var i = 0; i < 4; i++)
        {
            await Scenario.ReadAsync(await referred.Teacher.GetAsync($"/api/consent/persons/{referred.PersonId}/consents"), HttpStatusCode.OK);
        }

        var oldest = await IdsAsync(youth, $"{log}?limit=200");
        var newest = await Scenario.ReadAsync(await youth.GetAsync($"{log}?order=newest&limit=2"), HttpStatusCode.OK);
        var firstPage = newest["items"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()).ToList();
        var next = await IdsAsync(youth, $"{log}?order=newest&limit=2&cursor={newest["nextCursor"]!.GetValue<string>()}");

        Assert.True(oldest.Count >= 6, $"{oldest.Count} entries");
        Assert.Equal(oldest[^2..].AsEnumerable().Reverse(), firstPage);
        Assert.Equal(oldest[^4..^2].AsEnumerable().Reverse(), next);
        var latest = newest["items"]![0]!;
        Assert.Equal((referred.School, "consents"), (latest["agencyId"]!.GetValue<Guid>(), latest["category"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_order_that_is_neither_is_refused_at_its_field()
    {
        var referred = await ReferredPerson.CreateAsync(_network);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, referred.YouthAccessCode!);
        using var _ = youth;

        var refused = await Scenario.ReadProblemAsync(
            await youth.GetAsync($"/api/consent/persons/{referred.PersonId}/access-log?order=sideways"), HttpStatusCode.UnprocessableEntity);

        Assert.NotNull(refused["errors"]!["order"]);
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient youth, string path) =>
        [.. (await Scenario.ReadAsync(await youth.GetAsync(path), HttpStatusCode.OK))["items"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>())];
}
