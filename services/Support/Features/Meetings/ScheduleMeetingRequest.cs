namespace ReferralNet.Support.Features.Meetings;

/// <summary>
/// A meeting of the team (API-v3 §5): when, where (a place, an online address, or both), which agencies of the team
/// attend, whether the young person is invited, and the agenda.
/// </summary>
public sealed record ScheduleMeetingRequest(
    [property: CodeList(typeof(MeetingKinds))] string? Kind, DateTimeOffset? At, string? Place, string? OnlineUrl, IReadOnlyList<Guid>? Attendees,
    bool? YouthInvited, string? Agenda, Guid? HandoffId)
{
    public const int MaxPlaceLength = 300;
    public const int MaxUrlLength = 500;
    public const int MaxAgendaLength = 4000;
    public const int MaxAttendees = 20;

    /// <summary>How far back a meeting may be recorded (one held before it was written down), and ahead scheduled.</summary>
    public static readonly TimeSpan Reach = TimeSpan.FromDays(366);

    /// <param name="isMember">Whether an agency is lead or member of the case: only they attend.</param>
    public ValidationErrors Validate(DateTimeOffset now, Func<Guid, bool> isMember)
    {
        var errors = new ValidationErrors()
            .Code(Kind, MeetingKinds.All, "kind")
            .Check(Kind != MeetingKinds.JointFirstMeeting, "kind", ErrorCodes.NotAllowed,
                "a joint first meeting is proposed from its accepted handoff, not scheduled here yet")
            .Check(At is { } at && at > now - Reach && at < now + Reach, "at", ErrorCodes.OutOfRange, "is required: a moment within a year of today")
            .Check(Place is null || Place.Length <= MaxPlaceLength, "place", ErrorCodes.TooLong, $"must be at most {MaxPlaceLength} characters")
            .Check(OnlineUrl is null || IsWebAddress(OnlineUrl), "onlineUrl", ErrorCodes.InvalidFormat,
                $"must be an https:// address of at most {MaxUrlLength} characters")
            .Check(!string.IsNullOrWhiteSpace(Place) || !string.IsNullOrWhiteSpace(OnlineUrl), "place", ErrorCodes.Required,
                "is required unless an online address is given: say where the meeting is")
            .Check(Attendees is { Count: > 0 }, "attendees", ErrorCodes.Required, "needs at least one agency of the team")
            .AtMost(Attendees, MaxAttendees, "attendees")
            .Check(Attendees is null || Attendees.Distinct().Count() == Attendees.Count, "attendees", ErrorCodes.Duplicate, "names an agency twice")
            .Required(Agenda, "agenda", MaxAgendaLength);
        foreach (var (agency, i) in (Attendees ?? []).Select((a, i) => (a, i)))
        {
            errors.Check(isMember(agency), $"attendees[{i}]", ErrorCodes.NotAllowed, "must be a lead or member agency of the case");
        }
        return errors;
    }

    private static bool IsWebAddress(string value) =>
        value.Length <= MaxUrlLength && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
