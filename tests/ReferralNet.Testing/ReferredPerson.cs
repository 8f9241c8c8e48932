using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ReferralNet.Testing;

/// <summary>A service a test puts in its own town, offered by an agency of its own.</summary>
public sealed record TownService(string AgencyKind, string AgencyName, string Name, string[] Needs, string[] Modalities)
{
    public static readonly TownService PeerCircle = new("cso", "Peers", "Peer circle", ["social-connection"], ["in-person"]);
}

/// <summary>
/// The one builder of "a referred person": a school refers a young person in a town of the test's own, where the given
/// services (by default one peer circle) are matched. No other test's services compete for the ten places of its proposal.
/// </summary>
public sealed record ReferredPerson(
    HttpClient Teacher, Guid School, Guid CaseId, Guid PersonId, Guid ReferralId, string? YouthAccessCode, string Town,
    IReadOnlyList<(Guid Agency, Guid Service)> Services)
{
    /// <summary>The agency of the first service and the service itself.</summary>
    public Guid Peers => Services[0].Agency;

    public Guid PeerService => Services[0].Service;

    public static async Task<ReferredPerson> CreateAsync(
        IGatewayClients network, string birthDate = "2007-04-02", string givenName = "同", params TownService[] services)
    {
        var scenario = new Scenario(network);
        var town = Towns.Unique();
        var school = await scenario.CreateAgencyAsync("school", "Test High");
        var matched = new List<(Guid, Guid)>();
        foreach (var service in services.Length == 0 ? [TownService.PeerCircle] : services)
        {
            var agency = await scenario.CreateAgencyAsync(service.AgencyKind, service.AgencyName);
            matched.Add((agency, await scenario.CreateServiceAsync(agency, service.Name, service.Needs, service.Modalities, municipality: town)));
        }
        var teacher = await network.ClientAsync("worker", agency: school);
        var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"{givenName}{Guid.NewGuid():N}"[..8], birthDate: birthDate, municipality: town)), HttpStatusCode.Created);
        return new ReferredPerson(teacher, school, referral["caseId"]!.GetValue<Guid>(), referral["personId"]!.GetValue<Guid>(),
            referral["referralId"]!.GetValue<Guid>(), referral["youthAccessCode"]?.GetValue<string>(), town, matched);
    }

    /// <summary>Matching's proposal, once it is ready; every service of the town is in it.</summary>
    public async Task<JsonObject> MatchesAsync(IGatewayClients network)
    {
        var matches = await new Scenario(network).WaitForMatchesAsync(Teacher, ReferralId);
        var proposed = matches["candidates"]!.AsArray().Select(c => c!["serviceId"]!.GetValue<Guid>()).ToHashSet();
        if (!Services.All(s => proposed.Contains(s.Service)))
        {
            throw new InvalidOperationException($"Every service of the town should be proposed: {matches}");
        }
        return matches;
    }

    /// <summary>The school offers the referral to the town's <paramref name="service"/>-th service.</summary>
    public Task<JsonObject> OfferAsync(IGatewayClients network, int service) =>
        new Scenario(network).OfferHandoffAsync(Teacher, ReferralId, Services[service].Service);

    public static async Task<Guid> GrantAsync(HttpClient worker, Guid personId, string[] categories, DateTimeOffset? validUntil = null) =>
        (await Scenario.ReadAsync(await Scenario.GrantAsync(worker, personId, categories, validUntil: validUntil), HttpStatusCode.Created))
        ["consentId"]!.GetValue<Guid>();
}
