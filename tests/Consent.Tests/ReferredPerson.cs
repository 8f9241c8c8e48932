using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests;

/// <summary>A young person a school referred, in a town of the test's own where a peer-support CSO is matched.</summary>
public sealed record ReferredPerson(
    HttpClient Teacher, Guid School, Guid CaseId, Guid PersonId, Guid ReferralId, Guid Peers, Guid PeerService, string? YouthAccessCode)
{
    public static async Task<ReferredPerson> CreateAsync(ReferralNetwork network, string birthDate = "2007-04-02")
    {
        var scenario = new Scenario(network);
        var town = $"Town-{Guid.NewGuid():N}"[..16];
        var school = await scenario.CreateAgencyAsync("school", "Consent High");
        var peers = await scenario.CreateAgencyAsync("cso", "Consent Peers");
        var peerService = await scenario.CreateServiceAsync(peers, "Peer circle", ["social-connection"], ["in-person"], municipality: town);
        var teacher = await network.ClientAsync("worker", agency: school);
        var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
            Scenario.Referral(givenName: $"同{Guid.NewGuid():N}"[..8], birthDate: birthDate, municipality: town)), HttpStatusCode.Created);
        return new ReferredPerson(teacher, school, referral["caseId"]!.GetValue<Guid>(), referral["personId"]!.GetValue<Guid>(),
            referral["referralId"]!.GetValue<Guid>(), peers, peerService, referral["youthAccessCode"]?.GetValue<string>());
    }

    public static async Task<Guid> GrantAsync(HttpClient worker, Guid personId, string[] categories, DateTimeOffset? validUntil = null) =>
        (await Scenario.ReadAsync(await Scenario.GrantAsync(worker, personId, categories, validUntil: validUntil), HttpStatusCode.Created))
        ["consentId"]!.GetValue<Guid>();
}
