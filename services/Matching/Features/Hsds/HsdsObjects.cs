using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferralNet.Matching.Features.Hsds;

// The directory's objects in Open Referral HSDS 3.0 (docs/hsds-3.0), as the directory keeps and serves them. The fields
// the directory reads or writes are properties; every other field of the standard (schedules, contacts, phones,
// addresses, funding, metadata, ...) is kept as it came, in Other, so a document reads back as it was imported.

/// <summary>What every HSDS object has: its id (a UUID) and the fields the directory keeps without reading them.</summary>
public abstract record HsdsObject
{
    /// <summary>Stored and served in the standard's own field names (snake_case).</summary>
    public static JsonSerializerOptions JsonOptions => HsdsJson.Options;

    [JsonPropertyOrder(-1)]
    public Guid Id { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}

[StoredAsJson]
public sealed record HsdsService : HsdsObject
{
    public Guid? OrganizationId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    public double? MinimumAge { get; init; }
    public double? MaximumAge { get; init; }
    public string? LastModified { get; init; }
    public IReadOnlyList<HsdsServiceArea>? ServiceAreas { get; init; }
    public IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations { get; init; }
    public IReadOnlyList<HsdsLanguage>? Languages { get; init; }
    public IReadOnlyList<HsdsCostOption>? CostOptions { get; init; }
    public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }

    /// <summary>Only in what the read API serves (the one-to-one fields of the service's organization); never stored.</summary>
    public HsdsOrganization? Organization { get; init; }
}

[StoredAsJson]
public sealed record HsdsOrganization : HsdsObject
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    public IReadOnlyList<HsdsLocation>? Locations { get; init; }

    /// <summary>In an import and in what the read API serves; stored apart, each service as its own document.</summary>
    public IReadOnlyList<HsdsService>? Services { get; init; }
}

public sealed record HsdsLocation : HsdsObject
{
    public string? LocationType { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
}

[StoredAsJson]
public sealed record HsdsServiceAtLocation : HsdsObject
{
    public Guid? ServiceId { get; init; }
    public Guid? LocationId { get; init; }
    public string? Description { get; init; }
    public HsdsLocation? Location { get; init; }
}

public sealed record HsdsServiceArea : HsdsObject
{
    public Guid? ServiceId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
}

public sealed record HsdsLanguage : HsdsObject
{
    public Guid? ServiceId { get; init; }
    public string? Name { get; init; }
    public string? Code { get; init; }
}

public sealed record HsdsCostOption : HsdsObject
{
    public Guid? ServiceId { get; init; }
    public string? Option { get; init; }
    public string? Currency { get; init; }
    public double? Amount { get; init; }
    public string? AmountDescription { get; init; }
}

/// <summary>A taxonomy term given to a service or an organization, with a value where the term is a fact.</summary>
public sealed record HsdsAttribute : HsdsObject
{
    public Guid? LinkId { get; init; }
    public Guid? TaxonomyTermId { get; init; }
    public string? LinkType { get; init; }
    public string? LinkEntity { get; init; }
    public string? Value { get; init; }
    public HsdsTaxonomyTerm? TaxonomyTerm { get; init; }

    /// <summary>The term, named by id or given whole.</summary>
    [JsonIgnore]
    public Guid? TermId => TaxonomyTermId ?? TaxonomyTerm?.Id;
}

[StoredAsJson]
public sealed record HsdsTaxonomyTerm : HsdsObject
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public Guid? ParentId { get; init; }
    public string? Taxonomy { get; init; }
    public HsdsTaxonomy? TaxonomyDetail { get; init; }
    public string? Language { get; init; }
    public Guid? TaxonomyId { get; init; }
}

[StoredAsJson]
public sealed record HsdsTaxonomy : HsdsObject
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Uri { get; init; }
    public string? Version { get; init; }
}
