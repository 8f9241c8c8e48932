using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Search;

namespace ReferralNet.Matching.Features.HsdsRead;

/// <summary>
/// The query of the HSDS list endpoints, in the standard's names: a page (from 1) of <c>per_page</c> items, free text,
/// and the filters of the HSDS API profile that the directory can answer.
/// </summary>
public sealed record HsdsQuery(
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "per_page")] int? PerPage,
    [FromQuery(Name = "search")] string? Search,
    [FromQuery(Name = "full")] bool? Full,
    [FromQuery(Name = "full_service")] bool? FullService,
    [FromQuery(Name = "organization_id")] Guid? OrganizationId,
    [FromQuery(Name = "taxonomy_id")] Guid? TaxonomyId,
    [FromQuery(Name = "taxonomy_term_id")] Guid? TaxonomyTermId,
    [FromQuery(Name = "parent_id")] Guid? ParentId,
    [FromQuery(Name = "top_only")] bool? TopOnly,
    [FromQuery(Name = "modified_after")] DateTimeOffset? ModifiedAfter)
{
    public const int DefaultPerPage = 50;
    public const int MostPerPage = 200;
    public const int LastPage = 100_000;

    public ValidationErrors Validate() => new SearchText(Search).Validate(new ValidationErrors(), "search")
        .Check(Page is null or >= 1 and <= LastPage, "page", ErrorCodes.OutOfRange, $"must be between 1 and {LastPage}")
        .Check(PerPage is null or >= 1 and <= MostPerPage, "per_page", ErrorCodes.OutOfRange, $"must be between 1 and {MostPerPage}");

    public int Size => PerPage ?? DefaultPerPage;

    public int Skip => ((Page ?? 1) - 1) * Size;

    public string[] Patterns => new SearchText(Search).Patterns;
}

/// <summary>The HSDS API profile's paging envelope.</summary>
public sealed record HsdsPage(
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("first_page")] bool FirstPage,
    [property: JsonPropertyName("last_page")] bool LastPage,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("contents")] IReadOnlyList<JsonObject> Contents)
{
    public static HsdsPage Of(HsdsQuery query, int total, IReadOnlyList<JsonObject> contents)
    {
        var pages = (total + query.Size - 1) / query.Size;
        var number = query.Page ?? 1;
        return new(total, pages, number, contents.Count, number == 1, number >= pages, contents.Count == 0, contents);
    }
}

/// <summary>What <c>GET /api/matching/hsds/</c> says of this API.</summary>
public sealed record HsdsAbout(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("openapi_url")] string OpenApiUrl);

/// <summary>
/// The directory in HSDS 3.0, read as the standard's API profile serves it (docs/hsds-3.0/schema/openapi.json): lists
/// with the one-to-one fields of each object (or whole with <c>full=true</c>), one object whole by id. Staff read
/// everything; anyone else (no token, a young person) reads the services their agencies published for self-referral
/// and those services' places, so a young person can browse online help without an account, and the organizations
/// (the agencies of the network are no secret, and a young person's page names those that help them).
/// </summary>
public static class HsdsReadEndpoints
{
    private const string ServicesFrom = "FROM services s JOIN agencies a ON a.id = s.agency_id";

    private const string VisibleServices = """
        WHERE (@Everything OR s.public)
          AND (CAST(@OrganizationId AS uuid) IS NULL OR s.agency_id = @OrganizationId)
          AND (CAST(@ModifiedAfter AS timestamptz) IS NULL OR s.updated_at >= @ModifiedAfter)
          AND s.search_text ILIKE ALL (@Patterns)
          AND (CAST(@Terms AS text[]) IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(s.hsds -> 'attributes', '[]')) t
                WHERE coalesce(t ->> 'taxonomy_term_id', t -> 'taxonomy_term' ->> 'id') = ANY (@Terms)))
        """;

    private const string Paged = "OFFSET @Skip ROWS FETCH NEXT @Size ROWS ONLY";

    private const string CountServices = $"SELECT CAST(count(*) AS int) {ServicesFrom} {VisibleServices}";

    private const string ServicesPage = $"SELECT s.hsds AS Service, a.hsds AS Organization {ServicesFrom} {VisibleServices} ORDER BY s.id {Paged}";

    private const string ServiceById = $"SELECT s.hsds AS Service, a.hsds AS Organization, s.public AS Public {ServicesFrom} WHERE s.id = @Id";

    private const string Places = "coalesce(s.hsds -> 'service_at_locations', '[]')";

    private const string CountPlaces = $"SELECT CAST(coalesce(sum(jsonb_array_length({Places})), 0) AS int) {ServicesFrom} {VisibleServices}";

    private const string PlacesPage = $"""
        SELECT s.id AS ServiceId, p.value AS Place, a.hsds AS Organization
        {ServicesFrom} CROSS JOIN LATERAL jsonb_array_elements({Places}) p
        {VisibleServices}
        ORDER BY s.id, p.value ->> 'id' {Paged}
        """;

    private const string VisibleOrganizations = """
        FROM agencies a
        WHERE a.hsds IS NOT NULL AND a.name ILIKE ALL (@Patterns)
        """;

    private const string CountOrganizations = $"SELECT CAST(count(*) AS int) {VisibleOrganizations}";

    private const string OrganizationsPage = $"SELECT a.hsds {VisibleOrganizations} ORDER BY a.id {Paged}";

    private const string OrganizationById = $"SELECT a.hsds {VisibleOrganizations} AND a.id = @Id";

    private const string ServicesOf = "SELECT hsds FROM services WHERE agency_id = ANY (@Ids) AND (@Everything OR public) ORDER BY id";

    private const string CountStoredTaxonomies = "SELECT CAST(count(*) AS int) FROM taxonomies";

    private const string StoredTaxonomies = $"SELECT document FROM taxonomies ORDER BY id {Paged}";

    private const string StoredTermsFilter = """
        FROM taxonomy_terms
        WHERE (CAST(@TaxonomyId AS uuid) IS NULL OR taxonomy_id = @TaxonomyId)
          AND (CAST(@ParentId AS uuid) IS NULL OR parent_id = @ParentId)
          AND (NOT @TopOnly OR parent_id IS NULL)
          AND document ->> 'name' ILIKE ALL (@Patterns)
        """;

    private const string CountStoredTerms = $"SELECT CAST(count(*) AS int) {StoredTermsFilter}";

    private const string StoredTerms = $"SELECT document {StoredTermsFilter} ORDER BY id {Paged}";

    private const string TermsOfTaxonomy = "SELECT CAST(id AS text) FROM taxonomy_terms WHERE taxonomy_id = @TaxonomyId";

    public static void MapHsdsRead(this IEndpointRouteBuilder app)
    {
        // Anyone may call; who they are decides what they see (staff: everything; anyone else: what was published).
        var hsds = app.MapGroup("/api/matching/hsds").AllowAnonymous();
        hsds.MapGet("", About)
            .WithName("GetHsdsProfile").WithSummary("The HSDS API's profile and version"); // "/api/matching/hsds/" too: the profile names it "/"
        hsds.MapGet("/services", Services)
            .WithName("ListHsdsServices").WithSummary("HSDS services, paged and filtered");
        hsds.MapGet("/services/{id:guid}", Service)
            .WithName("GetHsdsService").WithSummary("One HSDS service with its organization, locations and contacts");
        hsds.MapGet("/organizations", Organizations)
            .WithName("ListHsdsOrganizations").WithSummary("HSDS organizations, paged");
        hsds.MapGet("/organizations/{id:guid}", Organization)
            .WithName("GetHsdsOrganization").WithSummary("One HSDS organization with its services");
        hsds.MapGet("/service_at_locations", ServiceAtLocations)
            .WithName("ListHsdsServiceAtLocations").WithSummary("HSDS services at their locations, paged");
        hsds.MapGet("/taxonomies", Taxonomies)
            .WithName("ListHsdsTaxonomies").WithSummary("HSDS taxonomies, paged");
        hsds.MapGet("/taxonomy_terms", TaxonomyTerms)
            .WithName("ListHsdsTaxonomyTerms").WithSummary("HSDS taxonomy terms, paged and filtered by taxonomy");
    }

    private static bool SeesEverything(Caller caller) => caller.Role is Roles.Worker or Roles.AgencyAdmin or Roles.Coordinator;

    private static Ok<HsdsAbout> About(HttpRequest request)
    {
        // Behind the gateway the address the client used is in its forwarding headers.
        var host = request.Headers["X-Forwarded-Host"].FirstOrDefault() ?? request.Host.Value;
        var scheme = request.Headers["X-Forwarded-Proto"].FirstOrDefault() ?? request.Scheme;
        return TypedResults.Ok(new HsdsAbout("3.0", "https://docs.openreferral.org/en/3.0/", $"{scheme}://{host}/openapi/v1.json"));
    }

    private static async Task<Results<Ok<HsdsPage>, ProblemHttpResult>> Services(
        [AsParameters] HsdsQuery query, Caller caller, Database database, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var filter = await ServiceFilterAsync(query, caller, database, ct);
        var total = await database.QuerySingleOrDefaultAsync<int>(CountServices, filter, ct);
        var rows = await database.QueryAsync<ServiceRow>(ServicesPage, filter, ct);
        return TypedResults.Ok(HsdsPage.Of(query, total, [.. rows.Select(r => query.Full == true ? Whole(r.Service, r.Organization) : HsdsJson.OneToOne(r.Service))]));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Service(Guid id, Caller caller, Database database, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<ServiceRow>(ServiceById, new { Id = id }, ct);
        return row is null || !(row.Public || SeesEverything(caller)) ? Problems.NotFound("The service") : TypedResults.Ok(Whole(row.Service, row.Organization));
    }

    private static async Task<Results<Ok<HsdsPage>, ProblemHttpResult>> Organizations(
        [AsParameters] HsdsQuery query, Caller caller, Database database, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var filter = new { query.Patterns, query.Skip, query.Size };
        var total = await database.QuerySingleOrDefaultAsync<int>(CountOrganizations, filter, ct);
        var organizations = await database.QueryAsync<HsdsOrganization>(OrganizationsPage, filter, ct);
        if (query.Full != true)
        {
            return TypedResults.Ok(HsdsPage.Of(query, total, [.. organizations.Select(HsdsJson.OneToOne)]));
        }
        var services = await ServicesOfAsync(organizations, caller, database, ct);
        return TypedResults.Ok(HsdsPage.Of(query, total, [.. organizations.Select(o => WithServices(o, services[o.Id], query.FullService == true))]));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Organization(
        Guid id, [FromQuery(Name = "full_service")] bool? fullService, Caller caller, Database database, CancellationToken ct)
    {
        var organization = await database.QuerySingleOrDefaultAsync<HsdsOrganization>(OrganizationById, new { Id = id, Patterns = Array.Empty<string>() }, ct);
        if (organization is null)
        {
            return Problems.NotFound("The organization");
        }
        var services = await ServicesOfAsync([organization], caller, database, ct);
        return TypedResults.Ok(WithServices(organization, services[organization.Id], fullService == true));
    }

    private static async Task<Results<Ok<HsdsPage>, ProblemHttpResult>> ServiceAtLocations(
        [AsParameters] HsdsQuery query, Caller caller, Database database, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var filter = await ServiceFilterAsync(query, caller, database, ct);
        var total = await database.QuerySingleOrDefaultAsync<int>(CountPlaces, filter, ct);
        var rows = await database.QueryAsync<PlaceRow>(PlacesPage, filter, ct);
        return TypedResults.Ok(HsdsPage.Of(query, total, [.. rows.Select(r =>
        {
            var place = Resolved(r.Place, r.ServiceId, r.Organization);
            return query.Full == true ? HsdsJson.ToNode(place) : HsdsJson.OneToOne(place);
        })]));
    }

    private static async Task<Results<Ok<HsdsPage>, ProblemHttpResult>> Taxonomies([AsParameters] HsdsQuery query, Database database, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var own = ReferralNetTaxonomy.Taxonomies;
        var stored = await database.QuerySingleOrDefaultAsync<int>(CountStoredTaxonomies, null, ct);
        var page = await OwnThenStoredAsync(query, own, paging => database.QueryAsync<HsdsTaxonomy>(StoredTaxonomies, new { paging.Skip, paging.Size }, ct));
        return TypedResults.Ok(HsdsPage.Of(query, own.Count + stored, [.. page.Select(HsdsJson.ToNode)]));
    }

    private static async Task<Results<Ok<HsdsPage>, ProblemHttpResult>> TaxonomyTerms([AsParameters] HsdsQuery query, Database database, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var words = new SearchText(query.Search).Words;
        // ReferralNet's own terms have no parent: each taxonomy is one level.
        var own = ReferralNetTaxonomy.Terms
            .Where(t => (query.TaxonomyId is null || t.TaxonomyId == query.TaxonomyId) && query.ParentId is null
                && words.All(w => t.Name!.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var filter = new { query.TaxonomyId, query.ParentId, TopOnly = query.TopOnly == true, query.Patterns };
        var stored = await database.QuerySingleOrDefaultAsync<int>(CountStoredTerms, filter, ct);
        var page = await OwnThenStoredAsync(query, own, paging => database.QueryAsync<HsdsTaxonomyTerm>(StoredTerms,
            new { filter.TaxonomyId, filter.ParentId, filter.TopOnly, filter.Patterns, paging.Skip, paging.Size }, ct));
        return TypedResults.Ok(HsdsPage.Of(query, own.Count + stored, [.. page.Select(HsdsJson.ToNode)]));
    }

    /// <summary>A page of a list that is ReferralNet's own objects first, then those stored from imports.</summary>
    private static async Task<IReadOnlyList<T>> OwnThenStoredAsync<T>(
        HsdsQuery query, IReadOnlyList<T> own, Func<(int Skip, int Size), Task<IReadOnlyList<T>>> stored)
    {
        var fromOwn = own.Skip(query.Skip).Take(query.Size).ToList();
        var left = query.Size - fromOwn.Count;
        return left == 0 ? fromOwn : [.. fromOwn, .. await stored((Math.Max(0, query.Skip - own.Count), left))];
    }

    /// <summary>The filter of the service lists; a taxonomy stands for its terms.</summary>
    private static async Task<object> ServiceFilterAsync(HsdsQuery query, Caller caller, Database database, CancellationToken ct)
    {
        string[]? terms = null;
        if (query.TaxonomyId is { } taxonomy)
        {
            terms = ReferralNetTaxonomy.Taxonomies.Any(t => t.Id == taxonomy)
                ? [.. ReferralNetTaxonomy.Terms.Where(t => t.TaxonomyId == taxonomy).Select(t => t.Id.ToString())]
                : [.. await database.QueryAsync<string>(TermsOfTaxonomy, new { TaxonomyId = taxonomy }, ct)];
        }
        if (query.TaxonomyTermId is { } term)
        {
            terms = terms is null || terms.Contains(term.ToString()) ? [term.ToString()] : [];
        }
        return new
        {
            Everything = SeesEverything(caller), query.OrganizationId, query.ModifiedAfter, query.Patterns, Terms = terms, query.Skip, query.Size,
        };
    }

    private static async Task<ILookup<Guid, HsdsService>> ServicesOfAsync(
        IReadOnlyList<HsdsOrganization> organizations, Caller caller, Database database, CancellationToken ct) =>
        (await database.QueryAsync<HsdsService>(ServicesOf, new { Ids = organizations.Select(o => o.Id).ToArray(), Everything = SeesEverything(caller) }, ct))
            .ToLookup(s => s.OrganizationId!.Value);

    /// <summary>A service whole: its organization's one-to-one fields, and each of its places with its location.</summary>
    private static JsonObject Whole(HsdsService service, HsdsOrganization organization)
    {
        var node = HsdsJson.ToNode(service with { ServiceAtLocations = service.ServiceAtLocations?.Select(p => Resolved(p, service.Id, organization)).ToList() });
        node["organization"] = HsdsJson.OneToOne(organization);
        return node;
    }

    /// <summary>A place of a service with its service named and its location given (from the organization's, where it only named it).</summary>
    private static HsdsServiceAtLocation Resolved(HsdsServiceAtLocation place, Guid serviceId, HsdsOrganization organization) => place with
    {
        ServiceId = place.ServiceId ?? serviceId,
        LocationId = place.LocationId ?? place.Location?.Id,
        Location = place.Location ?? organization.Locations?.FirstOrDefault(l => l.Id == place.LocationId),
    };

    private static JsonObject WithServices(HsdsOrganization organization, IEnumerable<HsdsService> services, bool full)
    {
        var node = HsdsJson.ToNode(organization);
        node["services"] = new JsonArray([.. services.Select(s => full ? Whole(s, organization) : HsdsJson.OneToOne(s))]);
        return node;
    }

    private sealed class ServiceRow
    {
        public HsdsService Service { get; init; } = null!;
        public HsdsOrganization Organization { get; init; } = null!;
        public bool Public { get; init; }
    }

    private sealed class PlaceRow
    {
        public Guid ServiceId { get; init; }
        public HsdsServiceAtLocation Place { get; init; } = null!;
        public HsdsOrganization Organization { get; init; } = null!;
    }
}
