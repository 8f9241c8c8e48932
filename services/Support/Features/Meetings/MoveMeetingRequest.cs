namespace ReferralNet.Support.Features.Meetings;

/// <summary>A meeting's new time and place (the place, or online address, stays as it was where none is given).</summary>
public sealed record MoveMeetingRequest(DateTimeOffset? At, string? Place, string? OnlineUrl)
{
    public ValidationErrors Validate(DateTimeOffset now, Meeting meeting) =>
        ScheduleMeetingRequest.WhenAndWhere(new ValidationErrors(), At, Place ?? meeting.Place, OnlineUrl ?? meeting.OnlineUrl, now);
}

/// <summary>The young person asks for another time, saying why if they wish.</summary>
public sealed record MoveRequest(string? Note)
{
    public const int MaxNoteLength = 500;

    public ValidationErrors Validate() => new ValidationErrors()
        .Check((Note?.Length ?? 0) <= MaxNoteLength, "note", ErrorCodes.TooLong, $"must be at most {MaxNoteLength} characters");
}
