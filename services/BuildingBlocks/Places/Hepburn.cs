using System.Text;

namespace ReferralNet.BuildingBlocks.Places;

/// <summary>
/// Kana read out in Latin letters as Japanese place names are written on signs and passports: Hepburn, with long
/// vowels shortened (おおさか → osaka, ちゅうおう → chuo), so what a person types finds the place.
/// </summary>
public static class Hepburn
{
    private static readonly Dictionary<char, string> Syllables = Table("""
        あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso たta ちchi つtsu てte とto
        なna にni ぬnu ねne のno はha ひhi ふfu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo
        らra りri るru れre ろro わwa ゐi ゑe をo んn がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo
        だda ぢji づzu でde どdo ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ゔvu ぁa ぃi ぅu ぇe ぉo ゎwa
        """);

    /// <summary>A syllable ending in i before a small ya, yu or yo: き + ゃ → kya, し + ゃ → sha, ち + ゃ → cha, じ + ゃ → ja.</summary>
    private static readonly Dictionary<char, string> Glides = Table("ゃya ゅyu ょyo");

    public static string Romanise(string kana)
    {
        var letters = new StringBuilder(kana.Length * 2);
        var doubleNext = false;
        for (var i = 0; i < kana.Length; i++)
        {
            var c = kana[i];
            if (c == 'っ')
            {
                doubleNext = true;
                continue;
            }
            if (c == 'ー')
            {
                continue;
            }
            if (!Syllables.TryGetValue(c, out var syllable))
            {
                letters.Append(c);
                doubleNext = false;
                continue;
            }
            if (i + 1 < kana.Length && Glides.TryGetValue(kana[i + 1], out var glide) && syllable.EndsWith('i') && syllable.Length > 1)
            {
                // shi + ya → sha, chi + ya → cha, ji + ya → ja; the others keep their y: ki + ya → kya.
                var head = syllable[..^1];
                syllable = head is "sh" or "ch" or "j" ? head + glide[1..] : head + glide;
                i++;
            }
            if (doubleNext)
            {
                letters.Append(syllable.StartsWith("ch", StringComparison.Ordinal) ? 't' : syllable[0]);
                doubleNext = false;
            }
            if (c == 'ん' && i + 1 < kana.Length && Syllables.TryGetValue(kana[i + 1], out var next) && next[0] is 'a' or 'i' or 'u' or 'e' or 'o' or 'y')
            {
                syllable = "n'";
            }
            letters.Append(syllable);
        }
        return ShortenLongVowels(letters.ToString());
    }

    private static string ShortenLongVowels(string romaji) =>
        romaji.Replace("ou", "o", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal).Replace("uu", "u", StringComparison.Ordinal);

    private static Dictionary<char, string> Table(string pairs) =>
        pairs.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToDictionary(p => p[0], p => p[1..]);
}
