namespace ReferralNet.Web.Text;

/// <summary>The agency administrator's pages: their agency's services in the directory.</summary>
public sealed partial class AdminTexts
{
    public required string Services { get; init; }
    public required string ServicesText { get; init; }
    public required string NoServices { get; init; }
    public required string NewService { get; init; }
    public required string EditService { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Needs { get; init; }
    public required string Modalities { get; init; }
    public required string AgeMin { get; init; }
    public required string AgeMax { get; init; }
    public required string Municipalities { get; init; }
    public required string MunicipalitiesHint { get; init; }
    public required string TownN { get; init; }
    public required string Languages { get; init; }
    public required string LanguagesHint { get; init; }
    public required string Fee { get; init; }
    public required string PlacesAvailable { get; init; }
    public required string PlacesMaximum { get; init; }
    public required string PlacesHint { get; init; }
    public required string WaitWeeks { get; init; }
    public required string Active { get; init; }
    public required string Inactive { get; init; }
    public required string Published { get; init; }
    public required string IsPublished { get; init; }
    public required string PublishedHint { get; init; }
    public required string Unmapped { get; init; }
    public required string Capacity { get; init; }
    public required string SaveCapacity { get; init; }
    public required string Saved { get; init; }
    public required string Terms { get; init; }
    public required string TermsText { get; init; }
    public required string NoTerms { get; init; }
    public required string Term { get; init; }
    public required string MapsTo { get; init; }
    public required string NoNeed { get; init; }
    public required string MapTerm { get; init; }
    public required string Edit { get; init; }
}
