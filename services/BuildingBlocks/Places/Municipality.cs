using System.Text.Json.Serialization;

namespace ReferralNet.BuildingBlocks.Places;

/// <summary>
/// A municipality by its 6-digit 全国地方公共団体コード (the last digit a check digit), with its names: in kanji as the
/// register writes it (a ward of a designated city with its city: 札幌市北区), its reading in hiragana, the reading in
/// Latin letters (<see cref="Hepburn"/>), and its prefecture, which tells apart places of the same name.
/// </summary>
public sealed record Municipality(string Code, string Name, string Kana, string Romaji, string Prefecture)
{
    /// <summary>The prefecture in Latin letters, without 都, 府 or 県: Tokyo, Osaka, Hokkaido.</summary>
    [JsonIgnore]
    public string PrefectureRomaji { get; init; } = "";

    /// <summary>The designated city a ward is part of (its code); null for any other municipality.</summary>
    [JsonIgnore]
    public string? City { get; init; }

    /// <summary>The name as a list of places shows it: 東京都 世田谷区.</summary>
    [JsonIgnore]
    public string FullName => $"{Prefecture} {Name}";

    /// <summary>The name in Latin letters with its prefecture: Setagaya-ku (Tokyo).</summary>
    [JsonIgnore]
    public string FullRomaji => $"{Romaji} ({PrefectureRomaji})";
}

/// <summary>
/// What a typed place name is: one municipality (<see cref="Found"/>), a name several share (<see cref="Candidates"/>,
/// to choose from), or no municipality (<see cref="Candidates"/>: the closest names, perhaps none).
/// </summary>
public sealed record MunicipalityMatch(Municipality? Found, IReadOnlyList<Municipality> Candidates, bool Ambiguous)
{
    public static MunicipalityMatch One(Municipality found) => new(found, [], false);
}
