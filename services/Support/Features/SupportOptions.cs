using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Support.Features;

/// <summary>The support plan's rhythm (API-v3 §4): ordinary settings, so <c>Support__ReviewGrace=1.00:00:00</c> shortens one.</summary>
public sealed class SupportOptions : IOptionsSection, IValidatableObject
{
    public static string Section => "Support";

    /// <summary>A plan's next review, when its writer names none: this long after today.</summary>
    public TimeSpan ReviewEvery { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a review may be overdue (a task for the key person's agency) before the coordinators are told.</summary>
    public TimeSpan ReviewGrace { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long after a case closes its last lead follows up.</summary>
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromDays(182);

    /// <summary>
    /// Where the network's days begin and end: a review due on a day is overdue from the next midnight there. An IANA id.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>How long a council's support meeting is kept after it was held (its minutes with it); then it is deleted.</summary>
    public TimeSpan CouncilRecordsFor { get; set; } = TimeSpan.FromDays(5 * 365 + 1);

    /// <summary>How often due deadlines are looked for.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(30);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Today in the network's time zone.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The moment a day is over in the network's time zone: the next midnight there.</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>A day's last second there: a due told to others as a moment still reads as that day.</summary>
    public DateTimeOffset LastMomentOf(DateOnly day) => EndOf(day).AddSeconds(-1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReviewEvery < TimeSpan.FromDays(1) || ReviewEvery > TimeSpan.FromDays(366))
        {
            yield return new ValidationResult("is between a day and a year", [nameof(ReviewEvery)]);
        }
        if (ReviewGrace <= TimeSpan.Zero || ReviewGrace > TimeSpan.FromDays(90) || FollowUpAfter <= TimeSpan.Zero || FollowUpAfter > TimeSpan.FromDays(731))
        {
            yield return new ValidationResult("the grace is at most 90 days and the follow-up at most two years, both more than zero",
                [nameof(ReviewGrace), nameof(FollowUpAfter)]);
        }
        if (CouncilRecordsFor < TimeSpan.FromDays(1) || CouncilRecordsFor > TimeSpan.FromDays(20 * 366))
        {
            yield return new ValidationResult("keeps a council's records between a day and twenty years", [nameof(CouncilRecordsFor)]);
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult("is a time zone this machine knows (an IANA id such as Asia/Tokyo)", [nameof(TimeZone)]);
        }
        if (SweepEvery < TimeSpan.FromMilliseconds(50) || SweepEvery > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("is between 50 ms and five minutes", [nameof(SweepEvery)]);
        }
    }
}
