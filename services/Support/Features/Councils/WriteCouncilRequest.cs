namespace ReferralNet.Support.Features.Councils;

/// <summary>A statutory council as its coordinator writes it: its name, the statute it meets under, its member agencies.</summary>
public sealed record WriteCouncilRequest(string? Name, [property: CodeList(typeof(LegalBases))] string? LegalBasis, IReadOnlyList<Guid>? Members)
{
    public const int MaxNameLength = 200;
    public const int MaxMembers = 60;

    public ValidationErrors Validate() => new ValidationErrors()
        .Required(Name, "name", MaxNameLength)
        .Code(LegalBasis, LegalBases.All, "legalBasis")
        .Check(Members is { Count: > 0 }, "members", ErrorCodes.Required, "needs at least one member agency")
        .AtMost(Members, MaxMembers, "members")
        .Check(Members is null || Members.Distinct().Count() == Members.Count, "members", ErrorCodes.Duplicate, "names an agency twice");
}

/// <summary>
/// A council's support meeting about a person: when, which member agencies attend, and whom it is about — a case, or
/// the council's own label for someone not yet in ReferralNet (never a name).
/// </summary>
public sealed record ConveneRequest(DateTimeOffset? At, IReadOnlyList<Guid>? Attendees, Guid? CaseId, string? Reference)
{
    public const int MaxReferenceLength = 100;

    /// <param name="isMember">Whether an agency is a member of the council now.</param>
    public ValidationErrors Validate(DateTimeOffset now, Func<Guid, bool> isMember)
    {
        var errors = new ValidationErrors()
            .Check(At is { } at && at > now - Meetings.ScheduleMeetingRequest.Reach && at < now + Meetings.ScheduleMeetingRequest.Reach, "at",
                ErrorCodes.OutOfRange, "is required: a moment within a year of today")
            .Check(Attendees is { Count: > 0 }, "attendees", ErrorCodes.Required, "needs at least one member agency")
            .AtMost(Attendees, WriteCouncilRequest.MaxMembers, "attendees")
            .Check(Attendees is null || Attendees.Distinct().Count() == Attendees.Count, "attendees", ErrorCodes.Duplicate, "names an agency twice")
            .Check((CaseId is null) != string.IsNullOrWhiteSpace(Reference), "caseId", ErrorCodes.Required,
                "or a reference is required, not both: whom the meeting is about")
            .Check((Reference?.Length ?? 0) <= MaxReferenceLength, "reference", ErrorCodes.TooLong, $"must be at most {MaxReferenceLength} characters");
        foreach (var (agency, i) in (Attendees ?? []).Select((a, i) => (a, i)))
        {
            errors.Check(isMember(agency), $"attendees[{i}]", ErrorCodes.NotAllowed, "must be a member agency of the council");
        }
        return errors;
    }
}

/// <summary>Which case a meeting held by reference was about, once the person is in ReferralNet.</summary>
public sealed record LinkCaseRequest(Guid? CaseId)
{
    public ValidationErrors Validate() => new ValidationErrors().Check(CaseId is not null, "caseId", ErrorCodes.Required, "is required");
}

/// <summary>A support meeting's minutes: decisions, and who does what by when (kept with the meeting, not made tasks).</summary>
public sealed record CouncilMinutesRequest(IReadOnlyList<string>? Decisions, IReadOnlyList<Meetings.ActionInput>? Actions)
{
    public ValidationErrors Validate(DateOnly today, Func<Guid, bool> attended) =>
        new Meetings.RecordMinutesRequest(Decisions, Actions).Validate(today, attended);
}
