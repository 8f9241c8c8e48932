namespace ReferralNet.Contracts.Codes;

/// <summary>
/// The components of a candidate's score, each a reason shown to the worker (with its value: a need, a modality, a
/// town, a number of places or weeks, a fee code or a language).
/// </summary>
public static class RankingReasons
{
    public const string CoversNeed = "covers-need";
    public const string PreferredModality = "preferred-modality";
    public const string OnlineFirstContact = "online-first-contact";
    public const string Local = "local";
    public const string FreePlaces = "free-places";
    public const string WaitingList = "waiting-list";
    public const string FeeFitsFinancialNeed = "fee-fits-financial-need";
    public const string SpeaksLanguage = "speaks-language";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        CoversNeed, PreferredModality, OnlineFirstContact, Local, FreePlaces, WaitingList, FeeFitsFinancialNeed, SpeaksLanguage);
}
