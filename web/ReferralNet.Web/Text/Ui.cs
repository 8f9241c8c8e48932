using System.Globalization;

namespace ReferralNet.Web.Text;

/// <summary>What a page needs to speak to its reader: the texts of the request's language, and times in Japan's time.</summary>
public sealed class Ui
{
    /// <summary>Every time is shown in Japan's time (Asia/Tokyo), whatever the server's zone.</summary>
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public Texts T => Texts.For(Culture);

    public string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Tokyo).ToString(T.DateFormat, Culture);

    /// <summary>Words in a row, as the language separates them (、 in Japanese).</summary>
    public string List(IEnumerable<string> words) => string.Join(T.ListSeparator, words);

    /// <summary>Words that start a label as they read inside a sentence ("Your name" after a colon is "your name"; Japanese has no case).</summary>
    public string InSentence(string words) => words.Length == 0 ? words : char.ToLower(words[0], Culture) + words[1..];

    public string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Tokyo).ToString(T.DateTimeFormat, Culture);

    /// <summary>A reason of a candidate's score in words: its code's sentence, with its value in words where it is a code.</summary>
    public string Reason(string reason, string value)
    {
        var words = T.Needs.GetValueOrDefault(value) ?? T.Modalities.GetValueOrDefault(value) ?? T.Fees.GetValueOrDefault(value) ?? value;
        return string.Format(Culture, Texts.Word(T.Worker.Reasons, reason), words);
    }

    /// <summary>
    /// A candidate's score in words, not as a number a reader would take for a measurement: the reasons under it say
    /// why. In matching's weights a service covering every need, in the town, with room is at 0.70; one thing more the
    /// young person asked for (their way of first contact, no fee) takes it past 0.75.
    /// </summary>
    public string Fit(double score) => score >= 0.75 ? T.Worker.FitStrong : score >= 0.5 ? T.Worker.FitGood : T.Worker.FitPartial;

    /// <summary>
    /// A place kept as its code, as this reader reads it (東京都 世田谷区; Setagaya-ku (Tokyo)), which the network reads
    /// back as the same place; a place kept as it was typed, before places were codes, as typed.
    /// </summary>
    public string Place(string? code) => MunicipalityRegister.Japan.Find(code) is not { } place ? code ?? ""
        : Culture.TwoLetterISOLanguageName == "en" ? place.FullRomaji : place.FullName;

    /// <summary>A date as an HTML date field holds it (yyyy-MM-dd), in Japan's time.</summary>
    public static string DateField(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Tokyo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day and time as HTML date and time fields hold them (yyyy-MM-dd, HH:mm), read in Japan's time; null when unreadable.</summary>
    public static DateTimeOffset? At(string? date, string? time)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return null;
        }
        var local = day.ToDateTime(clock);
        return new DateTimeOffset(local, Tokyo.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The end of a day in Japan's time, as the network keeps it (UTC).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, Tokyo.GetUtcOffset(local)).ToUniversalTime();
    }
}
