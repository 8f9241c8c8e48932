using ReferralNet.Intake.Features.OpenReferral;

namespace ReferralNet.Intake.Features.SelfReferral;

/// <summary>At least one channel; <see cref="Preferred"/> names the one to use first.</summary>
public sealed record SelfContact(string? Email, string? Phone, string? Line, string? Preferred)
{
    private static readonly IReadOnlySet<string> Channels = ContactChannels.All;

    /// <summary>Without a stated preference: LINE, then e-mail, then phone — the least demanding channel first.</summary>
    public string PreferredChannel => Preferred
        ?? (!string.IsNullOrWhiteSpace(Line) ? ContactChannels.Line : !string.IsNullOrWhiteSpace(Email) ? ContactChannels.Email : ContactChannels.Phone);

    public void Validate(ValidationErrors errors)
    {
        var given = new Dictionary<string, string?> { [ContactChannels.Line] = Line, [ContactChannels.Email] = Email, [ContactChannels.Phone] = Phone }
            .Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => c.Key).ToHashSet();
        errors.Check(given.Count > 0, "contact", ErrorCodes.Required, "needs at least one of email, phone or line")
            .Check((Email?.Length ?? 0) <= 254 && (string.IsNullOrWhiteSpace(Email) || Email.Contains('@')), "contact.email", ErrorCodes.InvalidFormat, "must be an e-mail address")
            .Check((Phone?.Length ?? 0) <= 40, "contact.phone", ErrorCodes.TooLong, "must be at most 40 characters")
            .Check((Line?.Length ?? 0) <= 100, "contact.line", ErrorCodes.TooLong, "must be at most 100 characters");
        if (Preferred is not null)
        {
            errors.Check(Channels.Contains(Preferred) && given.Contains(Preferred), "contact.preferred", ErrorCodes.UnknownValue, "must be one of the channels given");
        }
    }
}

/// <summary>
/// A young person asks for help themself, without an account: only a way to reach them and what they need are required.
/// </summary>
public sealed record SelfReferralRequest(
    string? Nickname,
    DateOnly? BirthDate,
    string? Municipality,
    SelfContact? Contact,
    [property: CodeList(typeof(Contracts.Codes.Needs))] IReadOnlyList<string>? Needs,
    ReferralPreferences? Preferences,
    string? Message)
{
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors()
            .Check((Nickname?.Length ?? 0) <= 100, "nickname", ErrorCodes.TooLong, "must be at most 100 characters")
            .Municipality(Municipality, "municipality", required: false)
            .Check((Message?.Length ?? 0) <= 4000, "message", ErrorCodes.TooLong, "must be at most 4000 characters")
            .Codes(Needs, Contracts.Codes.Needs.All, "needs");
        ReferralPreferences.Check(Preferences, errors);
        if (BirthDate is { } birthDate)
        {
            var age = OpenReferralRequest.AgeOn(birthDate, today);
            errors.Check(age is >= OpenReferralRequest.MinAge and <= OpenReferralRequest.MaxAge, "birthDate", ErrorCodes.OutOfRange,
                $"must give an age between {OpenReferralRequest.MinAge} and {OpenReferralRequest.MaxAge}");
        }
        if (Contact is null)
        {
            errors.Add("contact", ErrorCodes.Required, "needs at least one of email, phone or line");
        }
        else
        {
            Contact.Validate(errors);
        }
        return errors;
    }
}

/// <summary>
/// What the young person is told at once: their case's reference (to quote when they call), the channel the intake
/// desk will use, and the day by which it will (Intake:DeskContactWithin), as the desk's task is due then.
/// </summary>
public sealed record SelfReferralResponse(
    Guid ReferralId, Guid CaseId, string Reference, [property: CodeList(typeof(ContactChannels))] string Channel, DateTimeOffset ContactBy);
