namespace ReferralNet.Web.Features.Admin;

public sealed record Capacity(int Available, int Maximum, int WaitWeeks);

/// <summary>A service in the directory's v1 words (what the administrator edits; the directory keeps it in HSDS).</summary>
public sealed record DirectoryService(
    Guid Id, Guid AgencyId, string Name, string Description, IReadOnlyList<string> Needs, IReadOnlyList<string> Modalities, int? AgeMin,
    int? AgeMax, IReadOnlyList<string> Municipalities, IReadOnlyList<string> Languages, string Fee, Capacity Capacity, string Status,
    bool Public, bool Unmapped);

/// <summary>A service as its editor sends it, created or replaced whole (v1's service body).</summary>
public sealed record ServiceDraft(
    Guid AgencyId, string? Name, string? Description, IReadOnlyList<string> Needs, IReadOnlyList<string> Modalities, int? AgeMin, int? AgeMax,
    IReadOnlyList<string> Municipalities, IReadOnlyList<string> Languages, string? Fee, Capacity Capacity, string Status, bool Public);

public sealed record TermMapping(Guid TaxonomyTermId, string? Code, string? Name, string? Taxonomy, string? Need, int Services);

public sealed record TermMappings(IReadOnlyList<TermMapping> Items);
