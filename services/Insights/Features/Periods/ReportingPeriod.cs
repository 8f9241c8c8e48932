using System.Globalization;
using System.Text.RegularExpressions;

namespace ReferralNet.Insights.Features.Periods;

/// <summary>
/// A whole ISO week (<c>2026-W48</c>, Monday to Sunday), month (<c>2026-11</c>), quarter (<c>2026-Q4</c>) or year
/// (<c>2026</c>), in UTC days. Only whole periods that have ended may be read: a free range, or a period still
/// running, would let two reads a day apart show that day. Weeks do not nest in months, which is why every figure is
/// perturbed by its cell key before the k rule (<see cref="Summary.Disclosure"/>).
/// </summary>
public sealed partial record ReportingPeriod(string Name, DateOnly Start, DateOnly EndExclusive)
{
    public const string Examples = "a whole week such as 2026-W48, a month such as 2026-11, a quarter such as 2026-Q4 or a year such as 2026";

    public DateOnly Last => EndExclusive.AddDays(-1);

    public bool HasEnded(DateOnly today) => EndExclusive <= today;

    public static ReportingPeriod Month(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new ReportingPeriod(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), first, first.AddMonths(1));
    }

    /// <summary>The month before <paramref name="today"/>'s: what a summary without a period covers.</summary>
    public static ReportingPeriod LastEndedMonth(DateOnly today) => Month(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));

    public static ReportingPeriod? Parse(string? name)
    {
        if (name is null || Pattern().Match(name) is not { Success: true } match)
        {
            return null;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return null;
        }
        int Number(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        if (match.Groups["week"].Success)
        {
            var week = Number("week");
            if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
            {
                return null;
            }
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            return new ReportingPeriod(name, monday, monday.AddDays(7));
        }
        if (match.Groups["quarter"].Success)
        {
            var first = new DateOnly(year, Number("quarter") * 3 - 2, 1);
            return new ReportingPeriod(name, first, first.AddMonths(3));
        }
        if (match.Groups["month"].Success)
        {
            return Number("month") is var month and >= 1 and <= 12 ? Month(new DateOnly(year, month, 1)) : null;
        }
        return new ReportingPeriod(name, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
    }

    [GeneratedRegex(@"^(?<year>\d{4})(-W(?<week>\d{2})|-Q(?<quarter>[1-4])|-(?<month>\d{2}))?$")]
    private static partial Regex Pattern();
}
