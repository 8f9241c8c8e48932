namespace ReferralNet.Web.Text;

public sealed partial class AdminTexts
{
    internal static AdminTexts InEnglish() => new()
    {
        Services = "Your agency's services", ServicesText = "Workers' suggestions come from what is written here. Keep the free places current.",
        NoServices = "No service yet.", NewService = "Add a service", EditService = "Edit the service",
        Name = "Name", Description = "Description", Needs = "Needs covered", Modalities = "How it meets young people", AgeMin = "Youngest age", AgeMax = "Oldest age",
        Municipalities = "Towns served", MunicipalitiesHint = "One town per field, in kanji, kana or Latin letters, offered as you type. All empty: no area limit (an online-only service, say). Saving gives you empty fields again.", TownN = "Town {0}",
        Languages = "Languages", LanguagesHint = "Language codes separated by commas (ja, en).", Fee = "Cost",
        PlacesAvailable = "Free places now", PlacesMaximum = "Places in all", PlacesHint = "0 and 0 for a service that keeps no count.", WaitWeeks = "Weeks of waiting when full",
        Active = "Taking referrals", Inactive = "Not taking referrals", Published = "Publish for young people", IsPublished = "Published for young people", PublishedHint = "Published services can be found by young people without an account, who can ask for them.",
        Unmapped = "No need mapped (not suggested)", Capacity = "Places", SaveCapacity = "Save places", Saved = "Saved.",
        Terms = "Imported terms", TermsText = "Terms of another system's taxonomy on imported services. Map them to ReferralNet's needs and the services are suggested.",
        NoTerms = "No term needs mapping.", Term = "Term", MapsTo = "Need", NoNeed = "none", MapTerm = "Map", Edit = "Edit",
    };
}
