using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralNet.Matching.Features.Agencies;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.HsdsImport;

/// <summary>A record the import refused: its place in the body, its id when it had a readable one, and why (field → messages).</summary>
public sealed record RejectedRecord(int Index, Guid? Id, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// What an import did, counted over organizations and services alike; <see cref="Unmapped"/> are the services kept
/// without a need (none of their terms is mapped), which are not proposed until an agency administrator maps them.
/// </summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<RejectedRecord> Rejected, IReadOnlyList<Guid> Unmapped);

/// <summary>
/// <c>POST /api/matching/hsds/import</c>: an HSDS 3.0 service, organization (with its services), or a list of them.
/// Idempotent by id: a record equal to what is stored changes nothing. Each record is checked whole (the standard's
/// schema, then <see cref="ImportRules"/>, then what it refers to) before anything is stored, so a refused record
/// leaves nothing behind and the others are stored together. A coordinator imports for any organization; an agency
/// administrator only their own agency's records (anything else refuses the whole request, 403).
/// </summary>
public static class ImportEndpoint
{
    public const int MostRecords = 2000;

    private const string KnownAgencies = "SELECT id FROM agencies WHERE id = ANY(@Ids)";

    private const string OwnersOfServices = "SELECT agency_id FROM services WHERE id = ANY(@Ids)";

    private const string StoreTerm = """
        INSERT INTO taxonomy_terms (id, taxonomy_id, parent_id, document) VALUES (@Id, @TaxonomyId, @ParentId, CAST(@Document AS jsonb))
        ON CONFLICT (id) DO UPDATE SET taxonomy_id = EXCLUDED.taxonomy_id, parent_id = EXCLUDED.parent_id, document = EXCLUDED.document
        WHERE taxonomy_terms.document IS DISTINCT FROM EXCLUDED.document
        """;

    private const string StoreTaxonomy = """
        INSERT INTO taxonomies (id, document) VALUES (@Id, CAST(@Document AS jsonb))
        ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document WHERE taxonomies.document IS DISTINCT FROM EXCLUDED.document
        """;

    public static void MapHsdsImport(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/matching/hsds/import", Import).RequireAuthorization(Policies.DirectoryEditor);

    /// <summary>One record of the body: an organization, or a service (alone, or one of an organization's).</summary>
    private sealed class Entry(int index, string at)
    {
        public int Index { get; } = index;
        public string At { get; } = at;
        public Guid? Id { get; set; }
        public HsdsOrganization? Organization { get; set; }
        public HsdsService? Service { get; set; }
        public Entry? Parent { get; init; }
        public ValidationErrors Errors { get; } = new();
        public bool Accepted => Errors.IsValid;
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(
        JsonElement body, Caller caller, Database database, AgencyDirectory agencies, ServiceDirectory directory, CancellationToken ct)
    {
        if (body.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return new ValidationErrors().Add("body", "must be an HSDS service, an organization with its services, or a list of them").ToProblem();
        }
        var entries = Read(body);
        if (entries.Count > MostRecords)
        {
            return new ValidationErrors().Add("body", $"has more than {MostRecords} records; import them in parts").ToProblem();
        }
        await using var work = await database.BeginAsync(ct);
        if (!caller.IsCoordinator && !await AllOwnAsync(work, entries, caller.AgencyId, ct))
        {
            return Problems.Forbidden("An agency administrator imports only their own agency's organization and services.");
        }
        await CheckReferencesAsync(work, entries, agencies, ct);

        var counts = new Dictionary<Saved, int> { [Saved.Created] = 0, [Saved.Updated] = 0, [Saved.Unchanged] = 0 };
        var accepted = entries.Where(e => e.Accepted).ToList();
        // In id order, so two imports of the same records lock their rows in the same order.
        foreach (var organization in accepted.Select(e => e.Organization).OfType<HsdsOrganization>().OrderBy(o => o.Id))
        {
            counts[await agencies.SaveAsync(work, organization, ct)]++;
        }
        var services = accepted.Select(e => e.Service).OfType<HsdsService>().OrderBy(s => s.Id).ToList();
        await StoreForeignTermsAsync(work, services, ct);
        var mappings = new Dictionary<Guid, IReadOnlyDictionary<Guid, string>>();
        var unmapped = new List<Guid>();
        foreach (var service in services)
        {
            var agency = service.OrganizationId!.Value;
            if (!mappings.TryGetValue(agency, out var mapped))
            {
                mappings[agency] = mapped = await directory.MappedTermsAsync(work, agency, ct);
            }
            counts[await directory.SaveAsync(work, service, ct, mapped)]++;
            if (HsdsTranslation.Describe(service, mapped).Needs!.Count == 0)
            {
                unmapped.Add(service.Id);
            }
        }
        await work.CommitAsync(ct);
        var rejected = entries.Where(e => !e.Accepted).Select(e => new RejectedRecord(e.Index, e.Id, e.Errors.ToDictionary()));
        return TypedResults.Ok(new ImportResult(counts[Saved.Created], counts[Saved.Updated], counts[Saved.Unchanged], [.. rejected], unmapped));
    }

    /// <summary>Every record of the body, read and checked on its own: the standard's schema first, then the directory's rules.</summary>
    private static List<Entry> Read(JsonElement body)
    {
        var records = body.ValueKind == JsonValueKind.Array ? [.. body.EnumerateArray()] : new List<JsonElement> { body };
        var entries = new List<Entry>();
        for (var index = 0; index < records.Count && entries.Count <= MostRecords; index++)
        {
            var node = HsdsJson.WithoutNulls(JsonNode.Parse(records[index].GetRawText()));
            // An organization is what carries its services (an empty list for one without any).
            if (node is JsonObject { } organizationNode && organizationNode["services"] is JsonArray serviceNodes)
            {
                organizationNode.Remove("services");
                var organization = new Entry(index, "");
                entries.Add(organization);
                organization.Organization = ReadRecord<HsdsOrganization>(organizationNode, HsdsSchemas.Standard.Organization, organization);
                if (organization.Organization is { } read)
                {
                    ImportRules.Check(read, organization.Errors);
                }
                for (var i = 0; i < serviceNodes.Count && entries.Count <= MostRecords; i++)
                {
                    var service = new Entry(index, $"services[{i}].") { Parent = organization };
                    entries.Add(service);
                    if (serviceNodes[i] is JsonObject serviceNode && organization.Id is { } organizationId)
                    {
                        // A service of an organization belongs to it, whether or not it says so.
                        serviceNode["organization_id"] ??= organizationId.ToString();
                    }
                    ReadService(serviceNodes[i], service);
                    // A service is not stored without its organization.
                    service.Errors.Check(organization.Accepted || !service.Accepted, service.At.TrimEnd('.'), "belongs to an organization that was refused");
                }
            }
            else
            {
                ReadService(node, entries.AddAndReturn(new Entry(index, "")));
            }
        }
        return entries;
    }

    private static void ReadService(JsonNode? node, Entry entry)
    {
        if (ReadRecord<HsdsService>(node, HsdsSchemas.Standard.Service, entry) is { } service)
        {
            // The organization a service names is stored as an organization, not inside each of its services.
            entry.Service = service with { Organization = null };
            ImportRules.Check(service, entry.Errors, entry.At);
        }
    }

    private static T? ReadRecord<T>(JsonNode? node, Json.Schema.JsonSchema schema, Entry entry) where T : HsdsObject
    {
        if (node is not JsonObject)
        {
            entry.Errors.Add(entry.At.Length == 0 ? "body" : entry.At.TrimEnd('.'), "must be an HSDS object");
            return null;
        }
        entry.Id = Guid.TryParse(node["id"]?.GetValueKind() == JsonValueKind.String ? node["id"]!.GetValue<string>() : null, out var id) ? id : null;
        // Anywhere, kept fields included: PostgreSQL cannot store a NUL, and no listing needs a control character.
        foreach (var path in HsdsJson.ControlCharacterPaths(node))
        {
            entry.Errors.Add(HsdsSchemas.PathOf(entry.At, path), "must not contain control characters");
        }
        HsdsSchemas.Check(schema, JsonSerializer.SerializeToElement(node), entry.Errors, entry.At);
        if (!entry.Errors.IsValid)
        {
            return null;
        }
        try
        {
            return node.Deserialize<T>(HsdsJson.Options);
        }
        catch (JsonException e)
        {
            var field = HsdsSchemas.PathOf(entry.At, (e.Path ?? "$").TrimStart('$').Replace('.', '/').Replace("[", "/").Replace("]", ""));
            entry.Errors.Add(field, "cannot be read");
            return null;
        }
    }

    /// <summary>An agency administrator's records are all of their own agency, existing services included.</summary>
    private static async Task<bool> AllOwnAsync(UnitOfWork work, List<Entry> entries, Guid? agencyId, CancellationToken ct)
    {
        var named = entries.Select(e => e.Organization?.Id ?? e.Service?.OrganizationId).OfType<Guid>();
        var serviceIds = entries.Select(e => e.Service?.Id).OfType<Guid>().ToArray();
        var owners = await work.QueryAsync<Guid>(OwnersOfServices, new { Ids = serviceIds }, ct);
        return named.Concat(owners).All(id => id == agencyId);
    }

    /// <summary>
    /// A service's organization is in the directory or accepted in this import; a place of a service names a location
    /// it gives, or one of its organization's.
    /// </summary>
    private static async Task CheckReferencesAsync(UnitOfWork work, List<Entry> entries, AgencyDirectory agencies, CancellationToken ct)
    {
        var imported = entries.Where(e => e.Accepted && e.Organization is not null).ToDictionary(e => e.Organization!.Id, e => e.Organization!);
        var services = entries.Where(e => e.Accepted && e.Service is not null).ToList();
        var named = services.Select(e => e.Service!.OrganizationId!.Value).Distinct().ToArray();
        var known = (await work.QueryAsync<Guid>(KnownAgencies, new { Ids = named }, ct)).ToHashSet();
        var stored = new Dictionary<Guid, HsdsOrganization?>();
        foreach (var entry in services)
        {
            var organizationId = entry.Service!.OrganizationId!.Value;
            if (!imported.ContainsKey(organizationId) && !known.Contains(organizationId))
            {
                entry.Errors.Add(entry.At + "organization_id", "is not an organization of the directory or of this import");
                continue;
            }
            var places = entry.Service.ServiceAtLocations ?? [];
            for (var i = 0; i < places.Count; i++)
            {
                if (places[i].Location is not null)
                {
                    continue;
                }
                if (!imported.TryGetValue(organizationId, out var organization) && !stored.TryGetValue(organizationId, out organization))
                {
                    stored[organizationId] = organization = await agencies.FindAsync(work, organizationId, ct);
                }
                entry.Errors.Check(organization?.Locations?.Any(l => l.Id == places[i].LocationId) == true,
                    $"{entry.At}service_at_locations[{i}].location_id", "is not a location of the service's organization");
            }
        }
    }

    /// <summary>The terms of other taxonomies that the services carry whole (with their taxonomy when given), kept for the read API and for mapping.</summary>
    private static async Task StoreForeignTermsAsync(UnitOfWork work, List<HsdsService> services, CancellationToken ct)
    {
        var terms = services.SelectMany(s => s.Attributes ?? []).Select(a => a.TaxonomyTerm)
            .OfType<HsdsTaxonomyTerm>().Where(t => !ReferralNetTaxonomy.IsOwn(t.Id)).DistinctBy(t => t.Id).OrderBy(t => t.Id).ToList();
        var taxonomies = terms.Select(t => t.TaxonomyDetail).OfType<HsdsTaxonomy>()
            .Where(t => !ReferralNetTaxonomy.Taxonomies.Any(own => own.Id == t.Id)).DistinctBy(t => t.Id).OrderBy(t => t.Id).ToList();
        await work.ExecuteAsync(StoreTaxonomy, taxonomies.Select(t => new { t.Id, Document = t }), ct);
        await work.ExecuteAsync(StoreTerm, terms.Select(t => new
        {
            t.Id, TaxonomyId = t.TaxonomyId ?? t.TaxonomyDetail?.Id, t.ParentId, Document = t with { TaxonomyDetail = null },
        }), ct);
    }

    private static T AddAndReturn<T>(this List<T> list, T item)
    {
        list.Add(item);
        return item;
    }
}
