using System.Net;
using System.Net.Http.Json;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Demo;

/// <summary>
/// The demo network around one ward of Tokyo: agencies of every kind and the services they offer, loaded through the
/// public API (so the data passes the same validation as a real agency's). Loading twice changes nothing.
/// </summary>
public static class DemoNetwork
{
    private sealed record DemoAgency(string Name, string Kind, DemoService[] Services);

    /// <summary><paramref name="Public"/>: published for young people to find and ask for themselves.</summary>
    private sealed record DemoService(string Name, string[] Needs, string[] Modalities, int AgeMin, int AgeMax, int Available, int WaitWeeks, string Fee = "free", bool Public = false);

    private static readonly DemoAgency[] Agencies =
    [
        new("Setagaya Minami Junior High School", "school",
            [new("School counsellor sessions", ["mental-health", "education"], ["in-person", "video"], 12, 15, 4, 0)]),
        new("Kitazawa Mental Health Clinic", "clinic",
            [new("Youth psychiatric outpatient care", ["mental-health", "health"], ["in-person", "video"], 12, 39, 2, 3, "fee"),
             new("Developmental assessment", ["developmental-assessment"], ["in-person"], 6, 25, 1, 6, "sliding-scale")]),
        new("Setagaya Welfare Office", "welfare-office",
            [new("Livelihood and housing consultation", ["financial", "housing"], ["in-person", "phone", "home-visit"], 15, 45, 10, 0),
             new("Family support casework", ["family-support", "safety"], ["home-visit", "phone"], 6, 45, 5, 1)]),
        new("Tokyo Central Child Consultation Centre", "child-consultation-centre",
            [new("Child and family consultation", ["family-support", "safety", "mental-health"], ["in-person", "phone", "home-visit"], 6, 17, 3, 0)]),
        new("Setagaya Youth Support Station", "youth-support-centre",
            [new("Outreach home visits", ["social-connection", "mental-health"], ["home-visit", "phone"], 15, 39, 3, 0, Public: true),
             new("Daytime drop-in space", ["social-connection"], ["in-person"], 15, 39, 12, 0, Public: true)]),
        new("Hikari Peer Support", "cso",
            [new("Online peer support", ["social-connection", "mental-health"], ["online-chat", "video"], 12, 39, 6, 0, Public: true),
             new("Parents' circle", ["family-support"], ["in-person", "video"], 18, 45, 8, 0)]),
        new("Setagaya Employment Support Centre", "employment-support",
            [new("Step-by-step job coaching", ["employment", "social-connection"], ["in-person", "video"], 15, 39, 4, 2),
             new("Remote work trial", ["employment"], ["online-chat", "video"], 18, 39, 2, 0, Public: true)]),
    ];

    public static async Task<IReadOnlyDictionary<string, Guid>> LoadAsync(GatewayClient gateway)
    {
        // The network has just started: the loader waits out a refusal as a careful client does.
        using var coordinator = await gateway.AsAsync("demo-coordinator", "coordinator", careful: true);
        var existing = await ExistingAgenciesAsync(coordinator);
        var ids = new Dictionary<string, Guid>();
        var created = 0;
        foreach (var agency in Agencies)
        {
            if (existing.TryGetValue(agency.Name, out var id))
            {
                ids[agency.Name] = id;
                continue;
            }
            id = (await GatewayClient.ReadAsync(await coordinator.PostAsJsonAsync("/api/matching/agencies",
                new { name = agency.Name, kind = agency.Kind, municipality = "Setagaya" }), HttpStatusCode.Created))["id"]!.GetValue<Guid>();
            ids[agency.Name] = id;
            using var admin = await gateway.AsAsync($"demo-admin-{id:N}", "agency-admin", id, careful: true);
            foreach (var service in agency.Services)
            {
                await GatewayClient.ReadAsync(await admin.PostAsJsonAsync("/api/matching/services", new
                {
                    agencyId = id, name = service.Name, description = $"{service.Name} by {agency.Name}.", needs = service.Needs,
                    modalities = service.Modalities, ageMin = service.AgeMin, ageMax = service.AgeMax,
                    municipalities = new[] { "Setagaya" }, languages = new[] { "ja", "en" }, fee = service.Fee,
                    capacity = new { available = service.Available, maximum = 20, waitWeeks = service.WaitWeeks }, status = ServiceStatuses.Active,
                    @public = service.Public,
                }), HttpStatusCode.Created);
            }
            created++;
        }
        Console.WriteLine(created == 0
            ? $"Demo network already loaded: {ids.Count} agencies."
            : $"Demo network loaded: {created} agencies and {Agencies.Where(a => !existing.ContainsKey(a.Name)).Sum(a => a.Services.Length)} services created.");
        return ids;
    }

    private static async Task<Dictionary<string, Guid>> ExistingAgenciesAsync(HttpClient coordinator)
    {
        var found = new Dictionary<string, Guid>();
        string? cursor = null;
        do
        {
            var page = await GatewayClient.ReadAsync(
                await coordinator.GetAsync($"/api/matching/agencies?limit=200{(cursor is null ? "" : $"&cursor={cursor}")}"), HttpStatusCode.OK);
            foreach (var agency in page["items"]!.AsArray())
            {
                found[agency!["name"]!.GetValue<string>()] = agency["id"]!.GetValue<Guid>();
            }
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return found;
    }
}
