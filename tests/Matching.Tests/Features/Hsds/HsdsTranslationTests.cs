using System.Text.Json;
using ReferralNet.Matching.Features.Agencies;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Services;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.Hsds;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class HsdsTranslationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Agency = Guid.Parse("0a000000-0000-4000-8000-000000000001");

    private static ServiceDescription Description(
        string[]? modalities = null, string fee = "sliding-scale", Capacity? capacity = null, string status = "active", bool published = true) => new ServiceDescription(
        Agency, "オンライン相談", "ひきこもりの若者のためのチャット相談。", ["mental-health", "social-connection"], modalities ?? ["online-chat", "in-person"],
        15, 39, ["Setagaya", "Meguro"], ["ja", "en"], fee, capacity ?? new Capacity(2, 10, 0), status, published).Normalised();

    private static HsdsService Written(ServiceDescription description, HsdsService? existing = null) =>
        HsdsTranslation.Apply(existing, existing?.Id ?? Guid.Parse("0b000000-0000-4000-8000-000000000002"), description, Now);

    private static HsdsAttribute Foreign(Guid term, string name) => new()
    {
        Id = Guid.NewGuid(), TaxonomyTermId = term,
        TaxonomyTerm = new HsdsTaxonomyTerm { Id = term, Name = name, Description = name, Taxonomy = "Open Eligibility" },
    };

    [Fact]
    public void A_description_written_as_HSDS_reads_back_the_same()
    {
        var description = Description();

        var read = HsdsTranslation.Describe(Written(description));

        Assert.Equal(JsonSerializer.Serialize(description), JsonSerializer.Serialize(read));
    }

    [Fact]
    public void Needs_and_modalities_are_attributes_of_ReferralNets_taxonomies_and_facts_carry_their_value()
    {
        var service = Written(Description());

        var terms = service.Attributes!.Select(a => ReferralNetTaxonomy.Find(a.TermId)!).ToList();
        Assert.Equal(["mental-health", "social-connection"], terms.Where(t => t.TaxonomyId == ReferralNetTaxonomy.NeedsTaxonomy.Id).Select(t => t.Code));
        Assert.Equal(["online-chat", "in-person"], terms.Where(t => t.TaxonomyId == ReferralNetTaxonomy.ModalitiesTaxonomy.Id).Select(t => t.Code));
        Assert.Equal("2", service.Attributes!.Single(a => a.TermId == ReferralNetTaxonomy.FactTerm(DirectoryFacts.PlacesAvailable)).Value);
        Assert.Equal("sliding-scale", service.Attributes!.Single(a => a.TermId == ReferralNetTaxonomy.FactTerm(DirectoryFacts.Fee)).Value);
        Assert.Equal(["東京都世田谷区", "東京都目黒区"], service.ServiceAreas!.Select(a => a.Name));
        Assert.Equal(["Japanese", "English"], service.Languages!.Select(l => l.Name));
        Assert.Equal("active", service.Status);
    }

    [Fact]
    public void Meeting_remotely_gives_a_virtual_location_that_goes_when_the_service_no_longer_does()
    {
        var online = Written(Description(modalities: ["video", "in-person"]));
        var place = Assert.Single(online.ServiceAtLocations!);
        Assert.Equal(HsdsLocationTypes.Virtual, place.Location!.LocationType);
        Assert.Equal(place.LocationId, place.Location.Id);

        var inPersonOnly = Written(Description(modalities: ["in-person"]), online);

        Assert.Empty(inPersonOnly.ServiceAtLocations!);
    }

    [Fact]
    public void Writing_a_change_leaves_the_rest_of_an_imported_listing_as_it_was()
    {
        var term = Guid.NewGuid();
        var schedule = JsonDocument.Parse("""[{"id":"5e3c8c57-0c73-4f6e-9f3d-1c1f4b9e2a10","byday":"MO,WE","opens_at":"10:00"}]""").RootElement;
        var imported = Written(Description()) with
        {
            Attributes = [.. Written(Description()).Attributes!, Foreign(term, "Counselling")],
            Other = new Dictionary<string, JsonElement> { ["schedules"] = schedule },
        };

        var changed = Written(Description(capacity: new Capacity(1, 10, 0)), imported);

        Assert.Equal(JsonSerializer.Serialize(schedule), JsonSerializer.Serialize(changed.Other!["schedules"]));
        Assert.Contains(changed.Attributes!, a => a.TermId == term);
        Assert.Same(imported.ServiceAreas, changed.ServiceAreas);
        Assert.Same(imported.CostOptions, changed.CostOptions);
        // The attribute of a term the listing had keeps its id; only its value changes.
        var before = imported.Attributes!.Single(a => a.TermId == ReferralNetTaxonomy.FactTerm(DirectoryFacts.PlacesAvailable));
        var after = changed.Attributes!.Single(a => a.TermId == ReferralNetTaxonomy.FactTerm(DirectoryFacts.PlacesAvailable));
        Assert.Equal((before.Id, "1"), (after.Id, after.Value));
    }

    [Fact]
    public void A_foreign_term_covers_a_need_only_once_the_agency_maps_it_and_without_one_the_service_is_unmapped()
    {
        var term = Guid.NewGuid();
        var service = new HsdsService { Id = Guid.NewGuid(), OrganizationId = Agency, Name = "Counselling", Status = "active", Attributes = [Foreign(term, "Counselling")] };

        Assert.Empty(HsdsTranslation.Describe(service).Needs!);
        Assert.Equal(["mental-health"], HsdsTranslation.Describe(service, new Dictionary<Guid, string> { [term] = "mental-health" }).Needs);
        Assert.Equal([term], HsdsTranslation.ForeignTerms(service));
    }

    [Theory]
    [InlineData(new double[] { 0, 0 }, "free")]
    [InlineData(new double[] { 0, 500 }, "fee")]
    [InlineData(new double[0], "fee")]
    public void Without_a_fee_fact_the_cost_options_decide_and_nothing_unsaid_claims_to_be_free(double[] amounts, string fee)
    {
        var service = new HsdsService
        {
            Id = Guid.NewGuid(), Name = "x", Status = "active",
            CostOptions = [.. amounts.Select(a => new HsdsCostOption { Id = Guid.NewGuid(), Amount = a })],
        };

        Assert.Equal(fee, HsdsTranslation.Describe(service).Fee);
    }

    [Fact]
    public void A_temporarily_closed_service_reads_as_inactive_and_keeps_its_status_when_written_as_inactive()
    {
        var closed = Written(Description()) with { Status = HsdsServiceStatuses.TemporarilyClosed };

        var read = HsdsTranslation.Describe(closed);
        var written = Written(read with { Capacity = new Capacity(0, 10, 2) }, closed);

        Assert.Equal(ServiceStatuses.Inactive, read.Status);
        Assert.Equal(HsdsServiceStatuses.TemporarilyClosed, written.Status);
        Assert.Equal(HsdsServiceStatuses.Active, Written(read with { Status = ServiceStatuses.Active }, closed).Status);
    }

    [Fact]
    public void Ages_are_read_inside_the_range_the_listing_gives()
    {
        var service = new HsdsService { Id = Guid.NewGuid(), Name = "x", Status = "active", MinimumAge = 12.5, MaximumAge = 39.9 };

        var read = HsdsTranslation.Describe(service);

        Assert.Equal((13, 39), (read.AgeMin, read.AgeMax));
    }

    [Fact]
    public void An_agency_is_an_organization_whose_kind_and_town_are_facts()
    {
        var agency = new Agency(Agency, "Setagaya Welfare Office", AgencyKinds.WelfareOffice, Towns.Setagaya);

        var organization = HsdsTranslation.Apply(null, agency, "Livelihood and housing consultation.");

        Assert.Equal(agency, HsdsTranslation.Describe(organization));
        Assert.Equal(AgencyKinds.Other, HsdsTranslation.Describe(organization with { Attributes = [] }).Kind);
    }

    [Fact]
    public void Every_need_and_modality_is_a_term_with_an_id_that_never_changes()
    {
        Assert.All(Needs.All, need => Assert.Equal(need, ReferralNetTaxonomy.Find(ReferralNetTaxonomy.NeedTerm(need))!.Code));
        Assert.All(Modalities.All, modality => Assert.Equal(modality, ReferralNetTaxonomy.Find(ReferralNetTaxonomy.ModalityTerm(modality))!.Code));
        Assert.Equal(ReferralNetTaxonomy.Terms.Count, ReferralNetTaxonomy.Terms.Select(t => t.Id).Distinct().Count());
        // RFC 9562's example of a version 5 UUID (the DNS namespace, "www.example.com").
        Assert.Equal(Guid.Parse("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StableId.For(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }
}
