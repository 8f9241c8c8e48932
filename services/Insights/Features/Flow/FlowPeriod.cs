using System.Globalization;
using System.Text.RegularExpressions;

namespace ReferralNet.Insights.Features.Flow;

/// <summary>
/// A whole ISO week (<c>2026-W48</c>, Monday to Sunday) or a whole month (<c>2026-11</c>), UTC days. Only whole
/// periods exist, so two overlapping ranges can never be subtracted to show what happened on a few days.
/// </summary>
public sealed partial record FlowPeriod(string Name, DateOnly Start, DateOnly EndExclusive)
{
    public DateOnly Last => EndExclusive.AddDays(-1);

    public static FlowPeriod? Parse(string? name)
    {
        if (name is null || Pattern().Match(name) is not { Success: true } match)
        {
            return null;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        var week = match.Groups["week"].Success;
        if (year is < 2000 or > 2100 || number < 1 || number > (week ? ISOWeek.GetWeeksInYear(year) : 12))
        {
            return null;
        }
        var start = week ? DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday)) : new DateOnly(year, number, 1);
        return new FlowPeriod(name, start, week ? start.AddDays(7) : start.AddMonths(1));
    }

    [GeneratedRegex(@"^(?<year>\d{4})-(?<week>W)?(?<number>\d{2})$")]
    private static partial Regex Pattern();
}
