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
        if (name is null)
        {
            return null;
        }
        if (Week().Match(name) is { Success: true } week)
        {
            var (year, number) = (int.Parse(week.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(week.Groups[2].Value, CultureInfo.InvariantCulture));
            if (year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
            {
                return null;
            }
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
            return new FlowPeriod(name, monday, monday.AddDays(7));
        }
        if (Month().Match(name) is { Success: true } month)
        {
            var (year, number) = (int.Parse(month.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture));
            if (year is < 2000 or > 2100 || number is < 1 or > 12)
            {
                return null;
            }
            var first = new DateOnly(year, number, 1);
            return new FlowPeriod(name, first, first.AddMonths(1));
        }
        return null;
    }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex Week();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex Month();
}
