using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.Hsds;

/// <summary>HSDS 3.0 documents written for the tests, as another system would send them, and the standard's compiled schemas.</summary>
public static class HsdsSamples
{
    public static string Id() => Guid.NewGuid().ToString();

    /// <summary>The id of a record written here (its values are strings until sent).</summary>
    public static Guid IdOf(JsonNode record) => Guid.Parse(record["id"]!.ToString());

    /// <summary>A service with every sub-object the directory keeps: its own taxonomy and ReferralNet's, a physical and a virtual place.</summary>
    public static JsonObject FullService(Guid organizationId, string town, string marker, Guid? id = null, Guid? foreignTerm = null)
    {
        var serviceId = (id ?? Guid.NewGuid()).ToString();
        return new JsonObject
        {
            ["id"] = serviceId,
            ["organization_id"] = organizationId.ToString(),
            ["name"] = $"こころのオンライン相談 {marker}",
            ["alternate_name"] = "Online counselling for young people",
            ["description"] = $"ひきこもりの若者がチャットで相談できます。{marker}",
            ["url"] = "https://example.org/counselling",
            ["email"] = "hello@example.org",
            ["status"] = "active",
            ["application_process"] = "Send a message; a counsellor answers within a day.",
            ["fees_description"] = "Free of charge.",
            ["eligibility_description"] = "Young people aged 15 to 39.",
            ["minimum_age"] = 15,
            ["maximum_age"] = 39,
            ["assured_date"] = "2026-11-30",
            ["phones"] = new JsonArray(new JsonObject { ["id"] = Id(), ["number"] = "03-0000-0000", ["type"] = "voice" }),
            ["schedules"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(), ["service_id"] = serviceId, ["freq"] = "WEEKLY", ["byday"] = "MO,WE,FR", ["opens_at"] = "10:00", ["closes_at"] = "17:00",
                ["description"] = "Monday, Wednesday and Friday afternoons",
            }),
            ["service_areas"] = new JsonArray(new JsonObject { ["id"] = Id(), ["service_id"] = serviceId, ["name"] = town, ["extent_type"] = "text" }),
            ["service_at_locations"] = new JsonArray(
                Place(serviceId, Location(HsdsLocationTypes.Physical, town), "Our room near the station"),
                Place(serviceId, new JsonObject { ["id"] = Id(), ["location_type"] = "virtual", ["name"] = "Chat", ["url"] = "https://example.org/chat" })),
            ["languages"] = new JsonArray(new JsonObject { ["id"] = Id(), ["service_id"] = serviceId, ["name"] = "Japanese", ["code"] = "ja" }),
            ["cost_options"] = new JsonArray(new JsonObject { ["id"] = Id(), ["service_id"] = serviceId, ["currency"] = "JPY", ["amount"] = 0, ["option"] = "Free" }),
            ["contacts"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(), ["service_id"] = serviceId, ["name"] = "Intake team", ["email"] = "intake@example.org",
                ["phones"] = new JsonArray(new JsonObject { ["id"] = Id(), ["number"] = "03-0000-0001" }),
            }),
            ["funding"] = new JsonArray(new JsonObject { ["id"] = Id(), ["source"] = "Tokyo Metropolitan Government" }),
            ["required_documents"] = new JsonArray(new JsonObject { ["id"] = Id(), ["document"] = "None" }),
            ["attributes"] = new JsonArray(
                Attribute(ReferralNetTaxonomy.NeedTerm(Needs.MentalHealth)),
                Attribute(ReferralNetTaxonomy.ModalityTerm(Modalities.OnlineChat)),
                Attribute(ReferralNetTaxonomy.FactTerm(DirectoryFacts.PlacesAvailable), "4"),
                Attribute(ReferralNetTaxonomy.FactTerm(DirectoryFacts.PlacesMaximum), "12"),
                Attribute(ReferralNetTaxonomy.FactTerm(DirectoryFacts.WaitWeeks), "0"),
                Attribute(ReferralNetTaxonomy.FactTerm(DirectoryFacts.PublishedForSelfReferral)),
                ForeignAttribute(foreignTerm ?? Guid.NewGuid(), "Counseling")),
        };
    }

    /// <summary>A service that speaks only its own taxonomy: kept, but not proposed until its term is mapped to a need.</summary>
    public static JsonObject ForeignService(Guid organizationId, string town, string name, Guid term) => new()
    {
        ["id"] = Id(), ["organization_id"] = organizationId.ToString(), ["name"] = name, ["status"] = "active",
        ["minimum_age"] = 12, ["maximum_age"] = 39,
        ["service_areas"] = new JsonArray(new JsonObject { ["id"] = Id(), ["name"] = town }),
        ["attributes"] = new JsonArray(ForeignAttribute(term, "Peer support")),
    };

    public static JsonObject Organization(Guid id, string name, string kind, JsonArray services, JsonArray? locations = null) => new()
    {
        ["id"] = id.ToString(), ["name"] = name, ["description"] = $"{name}, a member of the test network.",
        ["website"] = "https://example.org", ["email"] = "office@example.org",
        ["attributes"] = new JsonArray(
            Attribute(ReferralNetTaxonomy.FactTerm(DirectoryFacts.AgencyKind), kind),
            Attribute(ReferralNetTaxonomy.FactTerm(DirectoryFacts.Municipality), "Setagaya")),
        ["locations"] = locations ?? new JsonArray(),
        ["services"] = services,
    };

    /// <summary>A place of a service with its location given (and named by id, as the read API serves it).</summary>
    public static JsonObject Place(string serviceId, JsonObject location, string? description = null)
    {
        var place = new JsonObject { ["id"] = Id(), ["service_id"] = serviceId, ["location_id"] = location["id"]!.GetValue<string>(), ["location"] = location };
        if (description is not null)
        {
            place["description"] = description;
        }
        return place;
    }

    public static JsonObject Location(string type, string town) => new()
    {
        ["id"] = Id(), ["location_type"] = type, ["name"] = $"{town} office",
        ["addresses"] = new JsonArray(new JsonObject
        {
            ["id"] = Id(), ["address_1"] = "1-2-3 Sangenjaya", ["city"] = town, ["state_province"] = "Tokyo", ["postal_code"] = "154-0024",
            ["country"] = "JP", ["address_type"] = "physical",
        }),
    };

    public static JsonObject Attribute(Guid term, string? value = null)
    {
        var attribute = new JsonObject { ["id"] = Id(), ["taxonomy_term_id"] = term.ToString(), ["link_entity"] = "service" };
        if (value is not null)
        {
            attribute["value"] = value;
        }
        return attribute;
    }

    public static JsonObject ForeignAttribute(Guid term, string name) => new()
    {
        ["id"] = Id(), ["taxonomy_term_id"] = term.ToString(),
        ["taxonomy_term"] = new JsonObject
        {
            ["id"] = term.ToString(), ["code"] = name.ToLowerInvariant().Replace(' ', '-'), ["name"] = name, ["description"] = $"{name} (Open Eligibility)",
            ["taxonomy"] = "Open Eligibility", ["taxonomy_id"] = OpenEligibility.ToString(),
            ["taxonomy_detail"] = new JsonObject { ["id"] = OpenEligibility.ToString(), ["name"] = "Open Eligibility", ["description"] = "A human services taxonomy." },
        },
    };

    public static readonly Guid OpenEligibility = Guid.Parse("8c2f4d6e-1b3a-4e5f-9a7b-0c1d2e3f4a5b");

    public static async Task<JsonObject> ImportAsync(HttpClient client, JsonNode body) =>
        await Scenario.ReadAsync(await client.PostAsJsonAsync("/api/matching/hsds/import", body), HttpStatusCode.OK);

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Compiled = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "hsds-3.0", "compiled");
        var dialect = Dialect.Draft202012.With([], new Uri("https://referralnet.example/tests/dialect"), true, null);
        return Directory.GetFiles(folder, "*.json").ToDictionary(file => Path.GetFileName(file)!, file => JsonSchema.FromText(File.ReadAllText(file),
            new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = dialect }, new Uri($"https://referralnet.example/compiled/{Path.GetFileName(file)}")));
    });

    /// <summary>Every way <paramref name="instance"/> fails the standard's compiled schema <paramref name="schema"/> (service.json, ...).</summary>
    public static IReadOnlyList<string> Violations(string schema, JsonNode instance)
    {
        var results = Compiled.Value[schema].Evaluate(JsonSerializer.SerializeToElement(instance),
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return [.. (results.Details ?? []).SelectMany(d => (d.Errors ?? []).Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))];
    }
}
