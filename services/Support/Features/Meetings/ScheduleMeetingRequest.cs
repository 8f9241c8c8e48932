namespace ReferralNet.Support.Features.Meetings;

/// <summary>
/// A meeting of the team (API-v3 §5): when, where (a place, an online address, or both), which agencies of the team
/// attend, whether the young person is invited, and the agenda. A joint first meeting names its accepted handoff, whose
/// two agencies attend it with the young person invited.
/// </summary>
public sealed record ScheduleMeetingRequest(
    [property: CodeList(typeof(MeetingKinds), nameof(MeetingKinds.OfTeams))] string? Kind, DateTimeOffset? At, string? Place, string? OnlineUrl, IReadOnlyList<Guid>? Attendees,
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
        var joint = Kind == MeetingKinds.JointFirstMeeting;
        var errors = WhenAndWhere(new ValidationErrors().Code(Kind, MeetingKinds.OfTeams, "kind"), At, Place, OnlineUrl, now)
            .Check(!joint || HandoffId is not null, "handoffId", ErrorCodes.Required, "is required: the accepted handoff the joint first meeting hands over")
            .Check(joint || HandoffId is null, "handoffId", ErrorCodes.NotAllowed, "names a handoff: only a joint first meeting has one")
            .Check(joint || Attendees is { Count: > 0 }, "attendees", ErrorCodes.Required, "needs at least one agency of the team")
            .AtMost(Attendees, MaxAttendees, "attendees")
            .Check(Attendees is null || Attendees.Distinct().Count() == Attendees.Count, "attendees", ErrorCodes.Duplicate, "names an agency twice")
            .Required(Agenda, "agenda", MaxAgendaLength);
        foreach (var (agency, i) in (Attendees ?? []).Select((a, i) => (a, i)))
        {
            errors.Check(isMember(agency), $"attendees[{i}]", ErrorCodes.NotAllowed, "must be a lead or member agency of the case");
        }
        return errors;
    }

    /// <summary>When a meeting is and where: also what moving one checks.</summary>
    public static ValidationErrors WhenAndWhere(ValidationErrors errors, DateTimeOffset? at, string? place, string? onlineUrl, DateTimeOffset now) => errors
        .Check(at is { } when && when > now - Reach && when < now + Reach, "at", ErrorCodes.OutOfRange, "is required: a moment within a year of today")
        .Check(place is null || place.Length <= MaxPlaceLength, "place", ErrorCodes.TooLong, $"must be at most {MaxPlaceLength} characters")
        .Check(onlineUrl is null || IsWebAddress(onlineUrl), "onlineUrl", ErrorCodes.InvalidFormat,
            $"must be an https:// address of at most {MaxUrlLength} characters")
        .Check(!string.IsNullOrWhiteSpace(place) || !string.IsNullOrWhiteSpace(onlineUrl), "place", ErrorCodes.Required,
            "is required unless an online address is given: say where the meeting is");

    private static bool IsWebAddress(string value) =>
        value.Length <= MaxUrlLength && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
