using System.Text;
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
/// <see cref="Rejected"/> shows the first <see cref="ImportEndpoint.MostErrorsShown"/> messages; <see cref="RejectedCount"/>
/// and <see cref="ErrorCount"/> say how many records were refused and how many messages there were in all.
/// </summary>
public sealed record ImportResult(
    int Created, int Updated, int Unchanged, IReadOnlyList<RejectedRecord> Rejected, IReadOnlyList<Guid> Unmapped, int RejectedCount, int ErrorCount);

/// <summary>
/// <c>POST /api/matching/hsds/import</c>: HSDS 3.0 records as the standard publishes them: a service (its organization
/// nested or named), an organization (with its services), a service at a location (its service nested), a taxonomy or
/// a taxonomy term; a list of them, or a page of the standard's API. Idempotent by id: a record equal to what is stored changes nothing. Each record is checked whole (the standard's
/// schema, then <see cref="ImportRules"/>, then what it refers to) before anything is stored, so a refused record
/// leaves nothing behind and the others are stored together. A coordinator imports for any organization; an agency
/// administrator only their own agency's records (anything else refuses the whole request, 403, decided from the
/// records' ids before any of them is checked, so a stranger's request costs nothing). A record over
/// <see cref="MostBytesPerRecord"/> is refused (fields ReferralNet does not use are kept and served back within it),
/// and the answer shows at most <see cref="MostErrorsShown"/> messages: 10 000 bad values get a short answer.
/// </summary>
public static class ImportEndpoint
{
    public const int MostRecords = 2000;
    public const int MostErrorsShown = 50;
    public const int MostBytesPerRecord = 64 * 1024;

    private const string KnownAgencies = "SELECT id FROM agencies WHERE id = ANY(@Ids)";

    private const string OwnersOfServices = "SELECT agency_id FROM services WHERE id = ANY(@Ids)";

    private const string StoredService = "SELECT hsds FROM services WHERE id = @Id";

    // Only the agency that first imported a term or taxonomy changes it (a row from before owners were kept is claimed),
    // and a coordinator (who imports taxonomies on their own, with no owner) changes any, keeping its owner.
    private const string StoreTerm = """
        INSERT INTO taxonomy_terms (id, taxonomy_id, parent_id, document, owner_agency_id)
        VALUES (@Id, @TaxonomyId, @ParentId, CAST(@Document AS jsonb), @Owner)
        ON CONFLICT (id) DO UPDATE SET taxonomy_id = EXCLUDED.taxonomy_id, parent_id = EXCLUDED.parent_id, document = EXCLUDED.document,
            owner_agency_id = COALESCE(EXCLUDED.owner_agency_id, taxonomy_terms.owner_agency_id)
        WHERE (EXCLUDED.owner_agency_id IS NULL OR taxonomy_terms.owner_agency_id IS NULL OR taxonomy_terms.owner_agency_id = EXCLUDED.owner_agency_id)
          AND (taxonomy_terms.document IS DISTINCT FROM EXCLUDED.document OR (taxonomy_terms.owner_agency_id IS NULL AND EXCLUDED.owner_agency_id IS NOT NULL))
        RETURNING xmax = 0 AS inserted
        """;

    private const string StoreTaxonomy = """
        INSERT INTO taxonomies (id, document, owner_agency_id) VALUES (@Id, CAST(@Document AS jsonb), @Owner)
        ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, owner_agency_id = COALESCE(EXCLUDED.owner_agency_id, taxonomies.owner_agency_id)
        WHERE (EXCLUDED.owner_agency_id IS NULL OR taxonomies.owner_agency_id IS NULL OR taxonomies.owner_agency_id = EXCLUDED.owner_agency_id)
          AND (taxonomies.document IS DISTINCT FROM EXCLUDED.document OR (taxonomies.owner_agency_id IS NULL AND EXCLUDED.owner_agency_id IS NOT NULL))
        RETURNING xmax = 0 AS inserted
        """;

    public static void MapHsdsImport(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/matching/hsds/import", Import).RequireAuthorization(Policies.DirectoryEditor)
            .WithName("ImportHsds").WithSummary("Imports HSDS 3.0 records (services, organizations, lists) into the directory");

    /// <summary>One record of the body: an organization, or a service (alone, or one of an organization's).</summary>
    private sealed class Entry(int index, string at)
    {
        public int Index { get; } = index;
        public string At { get; } = at;
        public Guid? Id { get; set; }
        public HsdsOrganization? Organization { get; set; }
        public HsdsService? Service { get; set; }
        public HsdsTaxonomy? Taxonomy { get; set; }
        public HsdsTaxonomyTerm? Term { get; set; }
        public Entry? Parent { get; init; }

        /// <summary>An organization nested in a service: it adds an organization to the directory, and changes none.</summary>
        public bool Nested { get; init; }

        /// <summary>A service sent as one of its places (a service at a location): it keeps the places it has.</summary>
        public bool AtLocation { get; init; }
        public ValidationErrors Errors { get; } = new();
        public bool Accepted => Errors.IsValid;
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(
        JsonElement body, Caller caller, Database database, AgencyDirectory agencies, ServiceDirectory directory, CancellationToken ct)
    {
        if (body.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return new ValidationErrors().Add("body", ErrorCodes.InvalidFormat, "must be an HSDS service, an organization with its services, or a list of them").ToProblem();
        }
        if (Count(body) > MostRecords)
        {
            return new ValidationErrors().Add("body", ErrorCodes.OutOfRange, $"has more than {MostRecords} records; import them in parts").ToProblem();
        }
        await using var work = await database.BeginAsync(ct);
        if (!caller.IsCoordinator && !await AllOwnAsync(work, body, caller.AgencyId, ct))
        {
            return Problems.Forbidden("An agency administrator imports only their own agency's organization and services, each naming it.");
        }
        var entries = Read(body);
        await CheckReferencesAsync(work, entries, agencies, ct);

        var counts = new Dictionary<Saved, int> { [Saved.Created] = 0, [Saved.Updated] = 0, [Saved.Unchanged] = 0 };
        var accepted = entries.Where(e => e.Accepted).ToList();
        // In id order, so two imports of the same records lock their rows in the same order.
        foreach (var entry in accepted.Where(e => e.Organization is not null).DistinctBy(e => e.Id).OrderBy(e => e.Id))
        {
            counts[entry.Nested && await agencies.FindAsync(work, entry.Organization!.Id, ct) is not null
                ? Saved.Unchanged
                : await agencies.SaveAsync(work, entry.Organization!, ct)]++;
        }
        foreach (var taxonomy in accepted.Select(e => e.Taxonomy).OfType<HsdsTaxonomy>().OrderBy(t => t.Id))
        {
            counts[await SavedAsync(work, StoreTaxonomy, new { taxonomy.Id, Document = taxonomy, Owner = caller.AgencyId }, ct)]++;
        }
        foreach (var term in accepted.Select(e => e.Term).OfType<HsdsTaxonomyTerm>().OrderBy(t => t.Id))
        {
            counts[await SavedAsync(work, StoreTerm, new
            {
                term.Id, TaxonomyId = term.TaxonomyId ?? term.TaxonomyDetail?.Id, term.ParentId, Document = term, Owner = caller.AgencyId,
            }, ct)]++;
        }
        var services = await WithTheirPlacesAsync(work, accepted, ct);
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
        var refused = entries.Where(e => !e.Accepted).ToList();
        var rejected = new List<RejectedRecord>();
        var shown = 0;
        foreach (var entry in refused.TakeWhile(_ => shown < MostErrorsShown))
        {
            var errors = entry.Errors.ToDictionary(MostErrorsShown - shown);
            shown += errors.Values.Sum(m => m.Length);
            rejected.Add(new RejectedRecord(entry.Index, entry.Id, errors));
        }
        return TypedResults.Ok(new ImportResult(counts[Saved.Created], counts[Saved.Updated], counts[Saved.Unchanged], rejected, unmapped,
            refused.Count, refused.Sum(e => e.Errors.Count)));
    }

    /// <summary>How many records the body holds, organizations' services included.</summary>
    private static int Count(JsonElement body) => Records(body).Sum(r =>
        1 + (r.ValueKind == JsonValueKind.Object && r.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array
            ? services.GetArrayLength()
            : 0));

    /// <summary>The records of the body: one record, a list of them, or a page of the standard's API (its <c>contents</c>).</summary>
    private static IEnumerable<JsonElement> Records(JsonElement body) => body switch
    {
        { ValueKind: JsonValueKind.Array } => body.EnumerateArray(),
        { ValueKind: JsonValueKind.Object } when body.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array
            && body.TryGetProperty("total_items", out _) => contents.EnumerateArray(),
        _ => [body],
    };

    /// <summary>
    /// What a record of the standard is, by the fields only it has: a service at a location carries its
    /// <c>service</c>; an organization its <c>services</c>; a service its <c>status</c> (which the standard requires) or
    /// its organization; a taxonomy term its <c>code</c> and taxonomy; a taxonomy its <c>version</c> and nothing an
    /// organization has. Anything else is read as an organization.
    /// </summary>
    private static RecordKind KindOf(JsonObject record) => record switch
    {
        _ when record["service"] is JsonObject => RecordKind.ServiceAtLocation,
        _ when record["services"] is JsonArray => RecordKind.Organization,
        _ when record.ContainsKey("status") || record.ContainsKey("organization_id") || record["organization"] is JsonObject => RecordKind.Service,
        _ when record.ContainsKey("code") && (record.ContainsKey("taxonomy") || record.ContainsKey("taxonomy_id") || record.ContainsKey("taxonomy_detail"))
            => RecordKind.TaxonomyTerm,
        _ when record.ContainsKey("version") && record.All(f => TaxonomyFields.Contains(f.Key)) => RecordKind.Taxonomy,
        _ => RecordKind.Organization,
    };

    private static readonly HashSet<string> TaxonomyFields = ["id", "name", "description", "uri", "version", "metadata"];

    private enum RecordKind { Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm }

    /// <summary>Every record of the body, read and checked on its own: the standard's schema first, then the directory's rules.</summary>
    private static List<Entry> Read(JsonElement body)
    {
        var records = Records(body).ToList();
        var entries = new List<Entry>();
        for (var index = 0; index < records.Count; index++)
        {
            var node = HsdsJson.WithoutNulls(JsonNode.Parse(records[index].GetRawText()));
            if (node is not JsonObject record)
            {
                ReadService(node, entries.AddAndReturn(new Entry(index, "")));
                continue;
            }
            switch (KindOf(record))
            {
                case RecordKind.Organization:
                    ReadOrganization(record, index, entries);
                    break;
                case RecordKind.ServiceAtLocation:
                    // A service at a location is its service, given at one more location (WithTheirPlacesAsync keeps the others).
                    var service = record["service"]!.AsObject();
                    record.Remove("service");
                    service["service_at_locations"] = new JsonArray(record);
                    ReadServiceOf(service, index, "service.", entries, atLocation: true);
                    break;
                case RecordKind.Service:
                    ReadServiceOf(record, index, "", entries);
                    break;
                case RecordKind.Taxonomy:
                    var taxonomy = entries.AddAndReturn(new Entry(index, ""));
                    taxonomy.Taxonomy = ReadRecord<HsdsTaxonomy>(record, HsdsSchemas.Standard.Taxonomy, taxonomy);
                    break;
                case RecordKind.TaxonomyTerm:
                    var term = entries.AddAndReturn(new Entry(index, ""));
                    term.Term = ReadRecord<HsdsTaxonomyTerm>(record, HsdsSchemas.Standard.TaxonomyTerm, term);
                    break;
            }
        }
        return entries;
    }

    /// <summary>An organization, and each service it carries (an organization may carry none).</summary>
    private static Entry ReadOrganization(JsonObject record, int index, List<Entry> entries, string at = "", bool nested = false)
    {
        var serviceNodes = record["services"] as JsonArray ?? [];
        record.Remove("services");
        var organization = entries.AddAndReturn(new Entry(index, at) { Nested = nested });
        organization.Organization = ReadRecord<HsdsOrganization>(record, HsdsSchemas.Standard.Organization, organization);
        if (organization.Organization is { } read)
        {
            ImportRules.Check(read, organization.Errors, at);
        }
        for (var i = 0; i < serviceNodes.Count; i++)
        {
            var service = entries.AddAndReturn(new Entry(index, $"{at}services[{i}].") { Parent = organization });
            if (serviceNodes[i] is JsonObject serviceNode && organization.Id is { } organizationId)
            {
                // A service of an organization belongs to it, whether or not it says so.
                serviceNode["organization_id"] ??= organizationId.ToString();
            }
            ReadService(serviceNodes[i], service);
            // A service is not stored without its organization.
            service.Errors.Check(organization.Accepted || !service.Accepted, service.At.TrimEnd('.'), ErrorCodes.NotAllowed, "belongs to an organization that was refused");
        }
        return organization;
    }

    /// <summary>
    /// A service on its own, as the standard's API serves it: its organization nested in it is read as an organization
    /// of the import (once per id), and the service is stored as belonging to it.
    /// </summary>
    private static void ReadServiceOf(JsonObject record, int index, string at, List<Entry> entries, bool atLocation = false)
    {
        Entry? parent = null;
        if (record["organization"] is JsonObject nested)
        {
            record.Remove("organization");
            record["organization_id"] ??= nested["id"]?.DeepClone();
            var id = nested["id"]?.GetValueKind() == JsonValueKind.String && Guid.TryParse(nested["id"]!.GetValue<string>(), out var parsed) ? parsed : (Guid?)null;
            parent = entries.FirstOrDefault(e => e.Organization is not null && e.Id == id)
                ?? ReadOrganization(nested, index, entries, at + "organization.", nested: true);
        }
        var service = entries.AddAndReturn(new Entry(index, at) { Parent = parent, AtLocation = atLocation });
        ReadService(record, service);
        if (parent is not null)
        {
            service.Errors.Check(parent.Accepted || !service.Accepted, at + "organization", ErrorCodes.NotAllowed, "was refused, and the service with it");
        }
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
            entry.Errors.Add(entry.At.Length == 0 ? "body" : entry.At.TrimEnd('.'), ErrorCodes.InvalidFormat, "must be an HSDS object");
            return null;
        }
        entry.Id = Guid.TryParse(node["id"]?.GetValueKind() == JsonValueKind.String ? node["id"]!.GetValue<string>() : null, out var id) ? id : null;
        if (Encoding.UTF8.GetByteCount(node.ToJsonString()) > MostBytesPerRecord)
        {
            entry.Errors.Add(entry.At.Length == 0 ? "body" : entry.At.TrimEnd('.'), ErrorCodes.TooLong, $"is larger than {MostBytesPerRecord / 1024} KB; keep a record below that");
            return null;
        }
        // Anywhere, kept fields included: PostgreSQL cannot store a NUL, and no listing needs a control character.
        foreach (var path in HsdsJson.ControlCharacterPaths(node))
        {
            entry.Errors.Add(HsdsSchemas.PathOf(entry.At, path), ErrorCodes.InvalidFormat, "must not contain control characters");
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
            entry.Errors.Add(field, ErrorCodes.InvalidFormat, "cannot be read");
            return null;
        }
    }

    /// <summary>
    /// An agency administrator's records are all of their own agency, existing services included, read from the raw
    /// body before anything is checked: every organization's <c>id</c> and every service's <c>organization_id</c> (a
    /// service of an organization may leave it out) names the agency. A record that names none is not theirs to send.
    /// </summary>
    private static async Task<bool> AllOwnAsync(UnitOfWork work, JsonElement body, Guid? agencyId, CancellationToken ct)
    {
        var named = new List<Guid?>();
        var serviceIds = new List<Guid>();
        void Service(JsonElement service, Guid? organization)
        {
            named.Add(IdOf(service, "organization_id")
                ?? (service.ValueKind == JsonValueKind.Object && service.TryGetProperty("organization", out var nested) ? IdOf(nested, "id") : null)
                ?? organization);
            if (IdOf(service, "id") is { } id)
            {
                serviceIds.Add(id);
            }
        }
        foreach (var record in Records(body))
        {
            if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty("service", out var atLocation) && atLocation.ValueKind == JsonValueKind.Object)
            {
                Service(atLocation, null);
            }
            else if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array)
            {
                var organization = IdOf(record, "id");
                named.Add(organization);
                foreach (var service in services.EnumerateArray())
                {
                    Service(service, organization);
                }
            }
            else
            {
                Service(record, null);
            }
        }
        var owners = await work.QueryAsync<Guid>(OwnersOfServices, new { Ids = serviceIds.ToArray() }, ct);
        return agencyId is not null && named.All(id => id == agencyId) && owners.All(id => id == agencyId);
    }

    private static Guid? IdOf(JsonElement record, string property) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && Guid.TryParse(value.GetString(), out var id) ? id : null;

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
                entry.Errors.Add(entry.At + "organization_id", ErrorCodes.UnknownValue, "is not an organization of the directory or of this import");
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
                    $"{entry.At}service_at_locations[{i}].location_id", ErrorCodes.UnknownValue, "is not a location of the service's organization");
            }
        }
    }

    /// <summary>
    /// The terms of other taxonomies that the services carry whole (with their taxonomy when given), kept for the read
    /// API and for mapping, each as the agency of the first service (by id) that carries it says.
    /// </summary>
    private static async Task StoreForeignTermsAsync(UnitOfWork work, List<HsdsService> services, CancellationToken ct)
    {
        var terms = services.SelectMany(s => (s.Attributes ?? []).Select(a => (Term: a.TaxonomyTerm, Owner: s.OrganizationId)))
            .Where(t => t.Term is not null && !ReferralNetTaxonomy.IsOwn(t.Term.Id)).DistinctBy(t => t.Term!.Id).OrderBy(t => t.Term!.Id).ToList();
        var taxonomies = terms.Where(t => t.Term!.TaxonomyDetail is not null).Select(t => (Taxonomy: t.Term!.TaxonomyDetail!, t.Owner))
            .Where(t => !ReferralNetTaxonomy.Taxonomies.Any(own => own.Id == t.Taxonomy.Id)).DistinctBy(t => t.Taxonomy.Id).OrderBy(t => t.Taxonomy.Id).ToList();
        await work.ExecuteAsync(StoreTaxonomy, taxonomies.Select(t => new { t.Taxonomy.Id, Document = t.Taxonomy, t.Owner }), ct);
        await work.ExecuteAsync(StoreTerm, terms.Select(t => new
        {
            t.Term!.Id, TaxonomyId = t.Term.TaxonomyId ?? t.Term.TaxonomyDetail?.Id, t.Term.ParentId, Document = t.Term with { TaxonomyDetail = null },
            t.Owner,
        }), ct);
    }

    /// <summary>
    /// The services to store, one per id (the record sent last wins). A service sent as one of its places keeps its
    /// other places: the stored ones, and those of the other records of this import; the place sent replaces its namesake.
    /// </summary>
    private static async Task<List<HsdsService>> WithTheirPlacesAsync(UnitOfWork work, List<Entry> accepted, CancellationToken ct)
    {
        var services = new Dictionary<Guid, HsdsService>();
        foreach (var entry in accepted.Where(e => e.Service is not null))
        {
            var service = entry.Service!;
            if (entry.AtLocation)
            {
                var earlier = services.GetValueOrDefault(service.Id) ?? await work.QuerySingleOrDefaultAsync<HsdsService>(StoredService, new { service.Id }, ct);
                var sent = service.ServiceAtLocations ?? [];
                service = service with { ServiceAtLocations = [.. (earlier?.ServiceAtLocations ?? []).Where(p => sent.All(s => s.Id != p.Id)), .. sent] };
            }
            services[service.Id] = service;
        }
        return [.. services.Values.OrderBy(s => s.Id)];
    }

    /// <summary>Stores a taxonomy or a term with <paramref name="store"/>: created, updated, or unchanged when it returns no row.</summary>
    private static async Task<Saved> SavedAsync(UnitOfWork work, string store, object row, CancellationToken ct) =>
        (await work.QueryAsync<bool>(store, row, ct)).ToList() switch
        {
            [true] => Saved.Created,
            [false] => Saved.Updated,
            _ => Saved.Unchanged,
        };

    private static T AddAndReturn<T>(this List<T> list, T item)
    {
        list.Add(item);
        return item;
    }
}
