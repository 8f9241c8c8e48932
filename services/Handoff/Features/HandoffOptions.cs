using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Handoff.Features;

/// <summary>The workflow's deadlines (API-v2): ordinary settings, so <c>Handoff__RespondWithin__Routine=00:00:20</c> shortens one.</summary>
public sealed class HandoffOptions : IOptionsSection, IValidatableObject
{
    public static string Section => "Handoff";

    /// <summary>How long a receiving agency has to answer an offer, by the referral's urgency, before it expires (a pass).</summary>
    public ResponseTimes RespondWithin { get; set; } = new();

    /// <summary>How long after accepting the receiver has to make first contact before the case escalates.</summary>
    public TimeSpan ContactWithin { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after a pass the sender has to send a new offer before the case escalates.</summary>
    public TimeSpan NextStepWithin { get; set; } = TimeSpan.FromDays(2);

    /// <summary>At this many passes on a case it is escalated as passed around.</summary>
    [Range(1, 100)]
    public int PassThreshold { get; set; } = 3;

    /// <summary>How often due deadlines are looked for: a deadline fires at most this long after it fell due (plus the sweep).</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an open event stream sends a comment line, so proxies and browsers keep it open.</summary>
    public TimeSpan HeartbeatEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an agency's events are kept for a reconnect with Last-Event-ID to resume from.</summary>
    public TimeSpan EventsKeptFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Open event streams one user may hold at once on an instance (a browser's tabs); more are refused with 429.</summary>
    [Range(1, 1000)]
    public int StreamsPerUser { get; set; } = 5;

    /// <summary>Open event streams one agency's users may hold at once on an instance.</summary>
    [Range(1, 100_000)]
    public int StreamsPerAgency { get; set; } = 200;

    public TimeSpan RespondWithinFor(string urgency) => urgency switch
    {
        Urgencies.Urgent => RespondWithin.Urgent,
        Urgencies.Soon => RespondWithin.Soon,
        _ => RespondWithin.Routine,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        TimeSpan[] periods = [RespondWithin.Routine, RespondWithin.Soon, RespondWithin.Urgent, ContactWithin, NextStepWithin];
        if (periods.Any(p => p <= TimeSpan.Zero || p > TimeSpan.FromDays(90)))
        {
            yield return new ValidationResult("every deadline is more than zero and at most 90 days",
                [nameof(RespondWithin), nameof(ContactWithin), nameof(NextStepWithin)]);
        }
        if (SweepEvery < TimeSpan.FromMilliseconds(50) || SweepEvery > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("is between 50 ms and one minute", [nameof(SweepEvery)]);
        }
        if (HeartbeatEvery < TimeSpan.FromMilliseconds(100) || HeartbeatEvery > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("is between 100 ms and one minute (proxies close idle streams)", [nameof(HeartbeatEvery)]);
        }
        if (EventsKeptFor < TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("is at least an hour", [nameof(EventsKeptFor)]);
        }
    }
}

public sealed class ResponseTimes
{
    public TimeSpan Routine { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan Soon { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan Urgent { get; set; } = TimeSpan.FromHours(4);
}
