namespace ReferralNet.Support.Features.Meetings;

public sealed record ActionInput(Guid? AgencyId, string? What, DateOnly? Due);

/// <summary>
/// The minutes of a meeting: what was decided, and who does what by when. Written whole; written again, they replace
/// the earlier ones (an action kept as it was keeps being done or not).
/// </summary>
public sealed record RecordMinutesRequest(IReadOnlyList<string>? Decisions, IReadOnlyList<ActionInput>? Actions)
{
    public const int MaxDecisions = 30;
    public const int MaxDecisionLength = 1000;
    public const int MaxActions = 30;
    public const int MaxWhatLength = 1000;

    /// <param name="attended">Whether an agency attended the meeting: an action is given to one that was there.</param>
    public ValidationErrors Validate(DateOnly today, Func<Guid, bool> attended)
    {
        var errors = new ValidationErrors()
            .Check(Decisions is { Count: > 0 } || Actions is { Count: > 0 }, "decisions", ErrorCodes.Required, "needs a decision or an action")
            .AtMost(Decisions, MaxDecisions, "decisions")
            .AtMost(Actions, MaxActions, "actions");
        foreach (var (decision, i) in (Decisions ?? []).Select((d, i) => (d, i)))
        {
            errors.Required(decision, $"decisions[{i}]", MaxDecisionLength);
        }
        foreach (var (action, i) in (Actions ?? []).Select((a, i) => (a, i)))
        {
            errors.Check(action?.AgencyId is { } agency && attended(agency), $"actions[{i}].agencyId", ErrorCodes.NotAllowed,
                    "must be an agency that attended the meeting")
                .Required(action?.What, $"actions[{i}].what", MaxWhatLength)
                .Check(action?.Due is { } due && due >= today.AddDays(-ScheduleMeetingRequest.Reach.Days) && due <= today.AddYears(1),
                    $"actions[{i}].due", ErrorCodes.OutOfRange, "is required: the day it is due, within a year");
        }
        return errors;
    }
}
