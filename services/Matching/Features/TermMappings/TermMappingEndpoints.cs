using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.TermMappings;

public sealed record TermMappingsQuery(Guid? AgencyId)
{
    public ValidationErrors Validate() => new ValidationErrors().Check(AgencyId is not null, "agencyId", ErrorCodes.Required, "is required");
}

/// <summary>A foreign term used by the agency's services: what it is, the need it is read as (null: none), and how many services carry it.</summary>
public sealed record TermMapping(Guid TaxonomyTermId, string? Code, string? Name, string? Taxonomy, string? Need, int Services);

public sealed record TermMappingsResponse(IReadOnlyList<TermMapping> Items);

/// <summary>Reads a foreign term as one of ReferralNet's needs for the agency's services (<see cref="Need"/> null: as none).</summary>
public sealed record MapTermRequest(Guid? AgencyId, string? Need)
{
    public ValidationErrors Validate() => new ValidationErrors()
        .Check(AgencyId is not null, "agencyId", ErrorCodes.Required, "is required")
        .OptionalCode(Need, Needs.All, "need");
}

public sealed record MapTermResponse(Guid TaxonomyTermId, Guid AgencyId, string? Need, int ServicesChanged);

/// <summary>
/// An imported listing speaks its own taxonomy; a service none of whose terms is a need is kept but not proposed
/// (unmapped). An agency administrator maps each foreign term of their agency's services to a need once, and every
/// service of the agency that carries it, now or in a later import, covers that need.
/// </summary>
public static class TermMappingEndpoints
{
    private const string TermsOfAgency = """
        SELECT term.id AS TaxonomyTermId, t.document ->> 'code' AS Code, t.document ->> 'name' AS Name, t.document ->> 'taxonomy' AS Taxonomy,
               m.need AS Need, CAST(count(DISTINCT s.id) AS int) AS Services
        FROM services s
        CROSS JOIN LATERAL jsonb_array_elements(coalesce(s.hsds -> 'attributes', '[]')) a
        CROSS JOIN LATERAL (SELECT CAST(coalesce(a ->> 'taxonomy_term_id', a -> 'taxonomy_term' ->> 'id') AS uuid) AS id) term
        LEFT JOIN taxonomy_terms t ON t.id = term.id
        LEFT JOIN term_needs m ON m.agency_id = s.agency_id AND m.taxonomy_term_id = term.id
        WHERE s.agency_id = @AgencyId AND term.id IS NOT NULL AND NOT (term.id = ANY (@Own))
        GROUP BY term.id, t.document, m.need
        ORDER BY term.id
        """;

    private const string Map = """
        INSERT INTO term_needs (agency_id, taxonomy_term_id, need) VALUES (@AgencyId, @TermId, @Need)
        ON CONFLICT (agency_id, taxonomy_term_id) DO UPDATE SET need = EXCLUDED.need
        """;

    private const string Unmap = "DELETE FROM term_needs WHERE agency_id = @AgencyId AND taxonomy_term_id = @TermId";

    private const string ServicesWithTerm = """
        SELECT hsds FROM services s
        WHERE s.agency_id = @AgencyId AND EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(s.hsds -> 'attributes', '[]')) a
            WHERE coalesce(a ->> 'taxonomy_term_id', a -> 'taxonomy_term' ->> 'id') = @Term)
        ORDER BY s.id FOR UPDATE
        """;

    public static void MapTermMappings(this IEndpointRouteBuilder app)
    {
        var mappings = app.MapGroup("/api/matching/term-mappings");
        mappings.MapGet("", List).RequireAuthorization(Policies.DirectoryEditor)
            .WithName("ListTermMappings").WithSummary("The taxonomy terms of imported services and the needs they are mapped to");
        mappings.MapPut("/{taxonomyTermId:guid}", MapTerm).RequireAuthorization(Policies.DirectoryEditor)
            .WithName("MapTerm").WithSummary("Maps a taxonomy term to a need, so services carrying it can be proposed");
    }

    private static async Task<Results<Ok<TermMappingsResponse>, ProblemHttpResult>> List(
        [AsParameters] TermMappingsQuery query, Caller caller, Database database, CancellationToken ct)
    {
        if (query.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        if (Refusal(caller, query.AgencyId!.Value) is { } refusal)
        {
            return refusal;
        }
        var own = ReferralNetTaxonomy.Terms.Select(t => t.Id).ToArray();
        return TypedResults.Ok(new TermMappingsResponse([.. await database.QueryAsync<TermMapping>(TermsOfAgency, new { query.AgencyId, Own = own }, ct)]));
    }

    private static async Task<Results<Ok<MapTermResponse>, ProblemHttpResult>> MapTerm(
        Guid taxonomyTermId, MapTermRequest request, Caller caller, Database database, ServiceDirectory directory, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        if (ReferralNetTaxonomy.IsOwn(taxonomyTermId))
        {
            return new ValidationErrors().Add("taxonomyTermId", ErrorCodes.NotAllowed, "is one of ReferralNet's own terms, which need no mapping").ToProblem();
        }
        var agencyId = request.AgencyId!.Value;
        if (Refusal(caller, agencyId) is { } refusal)
        {
            return refusal;
        }
        await using var work = await database.BeginAsync(ct);
        var mapping = new { AgencyId = agencyId, TermId = taxonomyTermId, request.Need };
        await work.ExecuteAsync(request.Need is null ? Unmap : Map, mapping, ct);
        var mapped = await directory.MappedTermsAsync(work, agencyId, ct);
        var changed = 0;
        foreach (var service in await work.QueryAsync<HsdsService>(ServicesWithTerm, new { AgencyId = agencyId, Term = taxonomyTermId.ToString() }, ct))
        {
            changed += await directory.SaveAsync(work, service, ct, mapped) == Saved.Unchanged ? 0 : 1;
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(new MapTermResponse(taxonomyTermId, agencyId, request.Need, changed));
    }

    /// <summary>An agency administrator maps only their own agency's terms; a coordinator any agency's.</summary>
    private static ProblemHttpResult? Refusal(Caller caller, Guid agencyId) =>
        caller.IsCoordinator || caller.AgencyId == agencyId ? null
            : Problems.Forbidden("An agency administrator maps only their own agency's terms.");
}
