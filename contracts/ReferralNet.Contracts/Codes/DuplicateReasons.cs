namespace ReferralNet.Contracts.Codes;

/// <summary>Why two records may be one young person (API-v2, "Possible duplicates").</summary>
public static class DuplicateReasons
{
    public const string SameBirthDate = "same-birth-date";
    public const string SameMunicipality = "same-municipality";
    public const string SameKana = "same-kana";
    public const string NamesSwapped = "names-swapped";
    public const string SimilarName = "similar-name";
    public const string NameNotGiven = "name-not-given";
    public const string SameContact = "same-contact";

    public static readonly IReadOnlySet<string> All =
        CodeSet.Of(SameBirthDate, SameMunicipality, SameKana, NamesSwapped, SimilarName, NameNotGiven, SameContact);
}
