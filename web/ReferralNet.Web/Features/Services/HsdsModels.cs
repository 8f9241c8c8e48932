namespace ReferralNet.Web.Features.Services;

// The directory's HSDS 3.0 documents as the pages read them (GatewayApi.Hsds: the standard's snake_case names).

public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, bool FirstPage, bool LastPage, IReadOnlyList<T> Contents);

public sealed record HsdsAttribute(Guid? TaxonomyTermId, string? Value);

public sealed record HsdsOrganizationName(Guid Id, string Name);

public sealed record HsdsService(
    Guid Id, string Name, string? Description, string? Status, double? MinimumAge, double? MaximumAge,
    IReadOnlyList<HsdsAttribute>? Attributes, HsdsOrganizationName? Organization);

public sealed record HsdsTerm(Guid Id, string? Code, string? Name, Guid? TaxonomyId, string? Taxonomy);

/// <summary>ReferralNet's own taxonomy terms (needs, modalities, facts) as the directory publishes them, by id and by code.</summary>
public sealed record ReferralNetTerms(IReadOnlyDictionary<Guid, HsdsTerm> ById)
{
    public const string NeedsTaxonomy = "ReferralNet needs";
    public const string ModalitiesTaxonomy = "ReferralNet modalities";
    public const string FactsTaxonomy = "ReferralNet directory facts";

    public Guid? NeedTerm(string need) => ById.Values.FirstOrDefault(t => t.Taxonomy == NeedsTaxonomy && t.Code == need)?.Id;

    public IEnumerable<string> CodesOf(HsdsService service, string taxonomy) =>
        (service.Attributes ?? []).Select(a => a.TaxonomyTermId is { } id ? ById.GetValueOrDefault(id) : null)
            .Where(t => t?.Taxonomy == taxonomy).Select(t => t!.Code!);

    public string? FactOf(HsdsService service, string fact) =>
        (service.Attributes ?? []).FirstOrDefault(a => a.TaxonomyTermId is { } id && ById.GetValueOrDefault(id) is { Taxonomy: FactsTaxonomy } t && t.Code == fact)?.Value;
}
