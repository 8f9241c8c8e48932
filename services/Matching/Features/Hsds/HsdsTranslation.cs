using System.Globalization;
using ReferralNet.Matching.Features.Agencies;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.Hsds;

/// <summary>
/// Between a listing in HSDS 3.0 (what the directory keeps) and ReferralNet's reading of it (what ranking and the v1
/// endpoints use). <see cref="Describe(HsdsService, IReadOnlyDictionary{Guid, string}?)"/> reads a service; <see
/// cref="Apply(HsdsService?, Guid, ServiceDescription, DateTimeOffset)"/> writes a v1 description onto a document,
/// changing only what the description says differently, so the rest of an imported listing (its schedules, contacts,
/// addresses, its own taxonomy) stays as it was.
/// </summary>
public static class HsdsTranslation
{
    /// <summary>The name of the virtual location the directory gives a service that meets young people remotely.</summary>
    public const string OnlineLocationName = "Online";

    private const string Currency = "JPY";

    // ---- services -------------------------------------------------------------------------------------------------

    /// <summary>
    /// The service in ReferralNet's words. Needs: ReferralNet's need terms, and foreign terms the agency mapped to a
    /// need (<paramref name="mappedTerms"/>); none is an unmapped service, which ranking never proposes. Modalities:
    /// ReferralNet's modality terms. Towns: the codes of the service areas that name a municipality (none: no area
    /// limit; an area named otherwise, a region or 全国, limits nothing). Fee: the fee fact, else the
    /// cost options (all free, or not), else "fee" (nothing claims free that was not said to be). Places: the
    /// facts (none: no count kept). Active only when HSDS says active.
    /// </summary>
    public static ServiceDescription Describe(HsdsService service, IReadOnlyDictionary<Guid, string>? mappedTerms = null)
    {
        var needs = new List<string>();
        var modalities = new List<string>();
        var facts = new Dictionary<string, string?>();
        foreach (var attribute in service.Attributes ?? [])
        {
            if (ReferralNetTaxonomy.Find(attribute.TermId) is { } own)
            {
                var codes = own.TaxonomyId == ReferralNetTaxonomy.NeedsTaxonomy.Id ? needs
                    : own.TaxonomyId == ReferralNetTaxonomy.ModalitiesTaxonomy.Id ? modalities : null;
                if (codes is null)
                {
                    facts.TryAdd(own.Code!, attribute.Value);
                }
                else if (!codes.Contains(own.Code!))
                {
                    codes.Add(own.Code!);
                }
            }
            else if (attribute.TermId is { } foreign && mappedTerms?.GetValueOrDefault(foreign) is { } need && !needs.Contains(need))
            {
                needs.Add(need);
            }
        }
        return new ServiceDescription(
            service.OrganizationId,
            service.Name,
            service.Description ?? "",
            needs,
            modalities,
            service.MinimumAge is { } min ? (int)Math.Ceiling(min) : null,
            service.MaximumAge is { } max ? (int)Math.Floor(max) : null,
            [.. (service.ServiceAreas ?? []).Select(a => MunicipalityRegister.Japan.CodeOf(a.Name)).OfType<string>().Distinct()],
            [.. (service.Languages ?? []).Select(l => l.Code).OfType<string>().Distinct()],
            facts.GetValueOrDefault(DirectoryFacts.Fee) ?? FeeOf(service.CostOptions),
            new Capacity(Count(facts, DirectoryFacts.PlacesAvailable), Count(facts, DirectoryFacts.PlacesMaximum), Count(facts, DirectoryFacts.WaitWeeks)),
            service.Status == HsdsServiceStatuses.Active ? ServiceStatuses.Active : ServiceStatuses.Inactive,
            facts.ContainsKey(DirectoryFacts.PublishedForSelfReferral));
    }

    /// <summary>The foreign terms of a service: its own vocabulary, which an agency administrator may map to needs.</summary>
    public static IEnumerable<Guid> ForeignTerms(HsdsService service) =>
        (service.Attributes ?? []).Select(a => a.TermId).OfType<Guid>().Where(id => !ReferralNetTaxonomy.IsOwn(id)).Distinct();

    private static int Count(Dictionary<string, string?> facts, string fact) =>
        int.TryParse(facts.GetValueOrDefault(fact), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    private static string FeeOf(IReadOnlyList<HsdsCostOption>? options) =>
        options is { Count: > 0 } && options.All(o => o.Amount == 0) ? Fees.Free : Fees.Fee;

    /// <summary>
    /// <paramref name="wanted"/> (a normalised v1 description) written onto <paramref name="existing"/> (or a new document
    /// with id <paramref name="id"/>). What the description says the same as the document is left as it is: areas,
    /// languages and cost options are rewritten only when they differ, and attributes of a term the document already has
    /// keep their ids. A service that meets remotely gets a virtual location, and loses it when it no longer does.
    /// </summary>
    public static HsdsService Apply(HsdsService? existing, Guid id, ServiceDescription wanted, DateTimeOffset now)
    {
        var service = existing ?? new HsdsService { Id = id };
        var current = existing is null ? null : Describe(existing);
        var attributes = new Attributes(id, service.Attributes);
        foreach (var need in wanted.Needs!)
        {
            attributes.Want(ReferralNetTaxonomy.NeedTerm(need));
        }
        foreach (var modality in wanted.Modalities!)
        {
            attributes.Want(ReferralNetTaxonomy.ModalityTerm(modality));
        }
        var capacity = wanted.Capacity!;
        if (capacity != Capacity.NotCounted)
        {
            attributes.Want(ReferralNetTaxonomy.FactTerm(DirectoryFacts.PlacesAvailable), Number(capacity.Available));
            attributes.Want(ReferralNetTaxonomy.FactTerm(DirectoryFacts.PlacesMaximum), Number(capacity.Maximum));
            attributes.Want(ReferralNetTaxonomy.FactTerm(DirectoryFacts.WaitWeeks), Number(capacity.WaitWeeks));
        }
        attributes.Want(ReferralNetTaxonomy.FactTerm(DirectoryFacts.Fee), wanted.Fee);
        if (wanted.Public == true)
        {
            attributes.Want(ReferralNetTaxonomy.FactTerm(DirectoryFacts.PublishedForSelfReferral));
        }

        return service with
        {
            OrganizationId = wanted.AgencyId,
            Name = wanted.Name,
            Description = string.IsNullOrEmpty(wanted.Description) ? null : wanted.Description,
            Status = current?.Status == wanted.Status ? service.Status : wanted.Status,
            MinimumAge = wanted.AgeMin,
            MaximumAge = wanted.AgeMax,
            ServiceAreas = SameSet(current?.Municipalities, wanted.Municipalities!, StringComparer.Ordinal) ? service.ServiceAreas
                : AreasOf(id, service.ServiceAreas, wanted.Municipalities!),
            Languages = SameSet(current?.Languages, wanted.Languages!, StringComparer.Ordinal) ? service.Languages
                : [.. wanted.Languages!.Select(code => service.Languages?.FirstOrDefault(l => l.Code == code)
                    ?? new HsdsLanguage { Id = StableId.For(id, $"language/{code}"), ServiceId = id, Code = code, Name = LanguageName(code) })],
            CostOptions = current?.Fee == wanted.Fee ? service.CostOptions : [CostOptionOf(id, wanted.Fee!)],
            ServiceAtLocations = WithOnlineLocation(id, service.ServiceAtLocations, wanted.Modalities!),
            Attributes = attributes.All,
            LastModified = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// The areas of <paramref name="towns"/> (codes): an area the document had for a town keeps its id and words, a new
    /// one is named with its prefecture (東京都世田谷区); areas that name no municipality stay as they were written.
    /// </summary>
    private static List<HsdsServiceArea> AreasOf(Guid serviceId, IReadOnlyList<HsdsServiceArea>? areas, IReadOnlyList<string> towns)
    {
        var register = MunicipalityRegister.Japan;
        var had = (areas ?? []).Select(a => (Area: a, Town: register.CodeOf(a.Name))).ToList();
        return [.. had.Where(a => a.Town is null).Select(a => a.Area),
            .. towns.Select(town => had.FirstOrDefault(a => a.Town == town).Area ?? new HsdsServiceArea
            {
                Id = StableId.For(serviceId, $"service-area/{town}"), ServiceId = serviceId,
                Name = register.Find(town) is { } place ? place.Prefecture + place.Name : town,
            })];
    }

    private static bool SameSet(IReadOnlyList<string>? current, IReadOnlyList<string> wanted, StringComparer comparer) =>
        current is not null && current.ToHashSet(comparer).SetEquals(wanted);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string LanguageName(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    private static HsdsCostOption CostOptionOf(Guid serviceId, string fee) => new()
    {
        Id = StableId.For(serviceId, $"cost-option/{fee}"),
        ServiceId = serviceId,
        Option = fee,
        Currency = Currency,
        Amount = fee == Fees.Free ? 0 : null,
        AmountDescription = fee switch
        {
            Fees.Free => "Free of charge.",
            Fees.SlidingScale => "A sliding scale by income; free for those who cannot pay.",
            _ => "A fee applies; ask the service.",
        },
    };

    /// <summary>
    /// The service's places with the directory's online location among them while it meets young people remotely
    /// (named after the ways it does), and without it when it no longer does; places the listing gave itself stay.
    /// </summary>
    private static IReadOnlyList<HsdsServiceAtLocation>? WithOnlineLocation(
        Guid serviceId, IReadOnlyList<HsdsServiceAtLocation>? places, IReadOnlyList<string> modalities)
    {
        var online = StableId.For(serviceId, "online/service-at-location");
        var kept = (places ?? []).Where(p => p.Id != online).ToList();
        var remote = modalities.Where(Modalities.Remote.Contains).Order().ToList();
        if (remote.Count > 0 && !kept.Any(p => p.Location?.LocationType == HsdsLocationTypes.Virtual))
        {
            var location = StableId.For(serviceId, "online/location");
            kept.Add(new HsdsServiceAtLocation
            {
                Id = online, ServiceId = serviceId, LocationId = location,
                Location = new HsdsLocation
                {
                    Id = location, LocationType = HsdsLocationTypes.Virtual, Name = OnlineLocationName,
                    Description = $"No visit needed: {string.Join(", ", remote)}.",
                },
            });
        }
        return kept.Count == 0 && places is null ? null : kept;
    }

    /// <summary>A document's attributes: the foreign ones kept, ReferralNet's own as wanted, each keeping its id where it had one.</summary>
    private sealed class Attributes(Guid linkId, IReadOnlyList<HsdsAttribute>? existing)
    {
        private readonly List<HsdsAttribute> _all = [.. (existing ?? []).Where(a => !ReferralNetTaxonomy.IsOwn(a.TermId))];

        public IReadOnlyList<HsdsAttribute> All => _all;

        public void Want(Guid term, string? value = null) => _all.Add(
            existing?.FirstOrDefault(a => a.TermId == term) is { } had
                ? had with { Value = value }
                : new HsdsAttribute { Id = StableId.For(linkId, $"attribute/{term}"), LinkId = linkId, TaxonomyTermId = term, Value = value });
    }

    // ---- organizations --------------------------------------------------------------------------------------------

    /// <summary>The organization as a ReferralNet agency: its kind and town (as a code) are facts of its own (other when unsaid).</summary>
    public static Agency Describe(HsdsOrganization organization)
    {
        string? Fact(string fact) =>
            organization.Attributes?.FirstOrDefault(a => a.TermId == ReferralNetTaxonomy.FactTerm(fact))?.Value;
        var town = Fact(DirectoryFacts.Municipality);
        return new Agency(organization.Id, organization.Name ?? "", Fact(DirectoryFacts.AgencyKind) ?? AgencyKinds.Other,
            MunicipalityRegister.Japan.CodeOf(town) ?? town ?? "");
    }

    /// <summary>An agency registered through v1 (or renamed) written onto its organization document.</summary>
    public static HsdsOrganization Apply(HsdsOrganization? existing, Agency agency, string? description)
    {
        var attributes = new Attributes(agency.Id, existing?.Attributes);
        attributes.Want(ReferralNetTaxonomy.FactTerm(DirectoryFacts.AgencyKind), agency.Kind);
        attributes.Want(ReferralNetTaxonomy.FactTerm(DirectoryFacts.Municipality), agency.Municipality);
        return (existing ?? new HsdsOrganization { Id = agency.Id }) with
        {
            Name = agency.Name,
            Description = description ?? existing?.Description ?? "",
            Attributes = attributes.All,
        };
    }
}
