using System.Text;
using System.Text.Json;
using Json.Schema;

namespace ReferralNet.Matching.Features.Hsds;

/// <summary>
/// The standard's own JSON Schemas (one per HSDS object, docs/hsds-3.0/schema, embedded in this service), which every
/// imported service and organization must satisfy before anything of it is stored; so what the read API serves from
/// them is valid HSDS too. The schemas carry keywords of their own (name, constraints, core, ...): they are read, not
/// enforced.
/// </summary>
public sealed class HsdsSchemas
{
    private static readonly Uri BaseUri = new("https://referralnet.example/hsds-3.0/schema/");

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static readonly HsdsSchemas Standard = new();

    private HsdsSchemas()
    {
        var registry = new SchemaRegistry();
        var build = new BuildOptions
        {
            SchemaRegistry = registry,
            Dialect = Dialect.Draft202012.With([], new Uri(BaseUri, "dialect"), true, null),
        };
        var assembly = typeof(HsdsSchemas).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
            var schema = JsonSchema.FromText(reader.ReadToEnd(), build, new Uri(BaseUri, resource[ResourcePrefix.Length..]));
            registry.Register(schema);
        }
        JsonSchema Named(string name) => registry.Get(new Uri(BaseUri, name)) as JsonSchema
            ?? throw new InvalidOperationException($"The HSDS schema {name} is not embedded in this service.");
        Service = Named("service.json");
        Organization = Named("organization.json");
        Taxonomy = Named("taxonomy.json");
        TaxonomyTerm = Named("taxonomy_term.json");
    }

    /// <summary>The embedded schemas' names (ReferralNet.Matching.csproj gives them).</summary>
    public const string ResourcePrefix = "hsds-3.0/";

    public JsonSchema Service { get; }

    public JsonSchema Organization { get; }

    public JsonSchema Taxonomy { get; }

    public JsonSchema TaxonomyTerm { get; }

    /// <summary>Adds each way <paramref name="element"/> fails <paramref name="schema"/> to <paramref name="errors"/>, at its path below <paramref name="at"/>.</summary>
    public static ValidationErrors Check(JsonSchema schema, JsonElement element, ValidationErrors errors, string at = "")
    {
        var results = schema.Evaluate(element, Evaluation);
        if (results.IsValid)
        {
            return errors;
        }
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (_, message) in detail.Errors ?? [])
            {
                errors.Add(PathOf(at, detail.InstanceLocation.ToString()), ErrorCodes.InvalidFormat, message);
            }
        }
        return errors;
    }

    /// <summary>A JSON pointer (<c>/service_areas/0/name</c>) as a field name (<c>service_areas[0].name</c>).</summary>
    public static string PathOf(string at, string pointer)
    {
        var path = new StringBuilder(at);
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/").Replace("~0", "~");
            if (int.TryParse(name, out _))
            {
                path.Append('[').Append(name).Append(']');
            }
            else
            {
                path.Append(path.Length == 0 ? "" : ".").Append(name);
            }
        }
        return path.Length == 0 ? "body" : path.ToString();
    }
}
