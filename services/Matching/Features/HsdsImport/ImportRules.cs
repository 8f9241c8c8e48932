using System.Globalization;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.HsdsImport;

/// <summary>
/// What the directory asks of an imported record beyond the standard's schema (which <see cref="HsdsSchemas"/> checks
/// first): a name that is not blank, ages that can be compared, places that name a location, and the facts of its
/// taxonomy readable. No length or count the standard does not set: a record is bounded by its size as a whole
/// (<see cref="ImportEndpoint.MostBytesPerRecord"/>).
/// Every error names its field by its path in the record (<paramref name="at"/> before it for a service of an organization).
/// </summary>
public static class ImportRules
{
    public static ValidationErrors Check(HsdsService service, ValidationErrors errors, string at = "")
    {
        errors
            .Check(!string.IsNullOrWhiteSpace(service.Name), at + "name", ErrorCodes.Required, "is required")
            .Check(service.OrganizationId is not null, at + "organization_id", ErrorCodes.Required, "is required: the organization that provides the service (or the organization itself, nested)")
            .Check(service.MinimumAge is null or >= 0 and <= 120, at + "minimum_age", ErrorCodes.OutOfRange, "must be between 0 and 120")
            .Check(service.MaximumAge is null or >= 0 and <= 120, at + "maximum_age", ErrorCodes.OutOfRange, "must be between 0 and 120")
            .Check(!(service.MinimumAge > service.MaximumAge), at + "maximum_age", ErrorCodes.OutOfRange, "must not be below minimum_age");
        // The standard does not require an area's name, but the directory reads towns from the names: an area it cannot
        // read must not silently mean "everywhere".
        Each(service.ServiceAreas, at + "service_areas", (area, field) => errors
            .Check(!string.IsNullOrWhiteSpace(area.Name), field + ".name", ErrorCodes.Required, "is required: the directory reads the town from it"));
        Each(service.ServiceAtLocations, at + "service_at_locations", (place, field) => errors
            .Check(place.Location is not null || place.LocationId is not null, field, ErrorCodes.Required, "needs its location or a location_id of the organization's locations")
            .Check(place.Location is null || place.LocationId is null || place.Location.Id == place.LocationId, field + ".location_id", ErrorCodes.UnknownValue,
                "must be the id of the location given with it"));
        CheckAttributes(service.Attributes, errors, at);
        var (available, maximum) = (Fact(service, DirectoryFacts.PlacesAvailable), Fact(service, DirectoryFacts.PlacesMaximum));
        errors.Check(available <= maximum, at + "attributes", ErrorCodes.OutOfRange, $"{DirectoryFacts.PlacesAvailable} must not exceed {DirectoryFacts.PlacesMaximum}")
            .Check(maximum <= Capacity.MostPlaces, at + "attributes", ErrorCodes.OutOfRange, $"{DirectoryFacts.PlacesMaximum} must be at most {Capacity.MostPlaces}")
            .Check(Fact(service, DirectoryFacts.WaitWeeks) <= Capacity.LongestWaitWeeks, at + "attributes", ErrorCodes.OutOfRange,
                $"{DirectoryFacts.WaitWeeks} must be at most {Capacity.LongestWaitWeeks}");
        Unique(errors, at, [.. Ids(service.ServiceAreas), .. Ids(service.Languages), .. Ids(service.ServiceAtLocations), .. Ids(service.CostOptions), .. Ids(service.Attributes)]);
        return errors;
    }

    public static ValidationErrors Check(HsdsOrganization organization, ValidationErrors errors, string at = "")
    {
        errors.Check(!string.IsNullOrWhiteSpace(organization.Name), at + "name", ErrorCodes.Required, "is required");
        CheckAttributes(organization.Attributes, errors, at);
        Unique(errors, at, [.. Ids(organization.Locations), .. Ids(organization.Attributes)]);
        return errors;
    }

    /// <summary>The values of ReferralNet's facts: counts are whole numbers, codes are of their code list.</summary>
    private static void CheckAttributes(IReadOnlyList<HsdsAttribute>? attributes, ValidationErrors errors, string at) =>
        Each(attributes, at + "attributes", (attribute, field) =>
        {
            var fact = ReferralNetTaxonomy.Find(attribute.TermId) is { } own && own.TaxonomyId == ReferralNetTaxonomy.FactsTaxonomy.Id ? own.Code : null;
            var value = field + ".value";
            _ = fact switch
            {
                DirectoryFacts.PlacesAvailable or DirectoryFacts.PlacesMaximum or DirectoryFacts.WaitWeeks => errors.Check(
                    int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _), value, ErrorCodes.InvalidFormat, $"must be a whole number ({fact})"),
                DirectoryFacts.Fee => errors.Code(attribute.Value, Fees.All, value),
                DirectoryFacts.AgencyKind => errors.Code(attribute.Value, AgencyKinds.All, value),
                DirectoryFacts.Municipality => errors.Municipality(attribute.Value, value),
                _ => errors,
            };
        });

    private static int Fact(HsdsService service, string fact) =>
        int.TryParse(service.Attributes?.FirstOrDefault(a => a.TermId == ReferralNetTaxonomy.FactTerm(fact))?.Value,
            NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    private static void Each<T>(IReadOnlyList<T>? items, string field, Action<T, string> check)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            check(items![i], $"{field}[{i}]");
        }
    }

    private static IEnumerable<Guid> Ids(IEnumerable<HsdsObject>? objects) => objects?.Select(o => o.Id) ?? [];

    /// <summary>The objects of one record are told apart by their ids: none is used twice.</summary>
    private static void Unique(ValidationErrors errors, string at, IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(at + "id", ErrorCodes.Duplicate, $"{id} is the id of more than one object of the record");
        }
    }
}
