using System.Text.Json.Serialization;
namespace ReferralNet.Intake.Features.OpenReferral;

public sealed record ContactDetails(string? Email, string? Phone);

public sealed record PersonDetails(
    string? FamilyName,
    string? GivenName,
    string? FamilyNameKana,
    string? GivenNameKana,
    DateOnly? BirthDate,
    string? Municipality,
    ContactDetails? Contact);

[StoredAsJson]
public sealed record ReferralPreferences([property: CodeList(typeof(Contracts.Codes.Modalities))] IReadOnlyList<string>? Modalities, bool? RemoteFirst, IReadOnlyList<string>? Languages)
{
    public static readonly ReferralPreferences None = new([], false, []);

    public static ValidationErrors Check(ReferralPreferences? preferences, ValidationErrors errors) => errors
        .Codes(preferences?.Modalities, Contracts.Codes.Modalities.All, "preferences.modalities", required: false)
        .AtMost(preferences?.Languages, 20, "preferences.languages")
        .Check(preferences?.Languages is null || preferences.Languages.All(l => l.Length is >= 2 and <= 10),
            "preferences.languages", ErrorCodes.InvalidFormat, "each must be a language tag such as 'ja'");
}

public sealed record OpenReferralRequest(
    PersonDetails? Person,
    [property: CodeList(typeof(ReferralSources))] string? Source,
    [property: CodeList(typeof(Contracts.Codes.Needs))] IReadOnlyList<string>? Needs,
    [property: CodeList(typeof(Urgencies))] string? Urgency,
    ReferralPreferences? Preferences,
    string? Summary)
{
    public const int MinAge = 6;
    public const int MaxAge = 45;

    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        if (Person is null)
        {
            errors.Add("person", ErrorCodes.Required, "is required");
        }
        else
        {
            errors.Required(Person.FamilyName, "person.familyName", 100)
                .Required(Person.GivenName, "person.givenName", 100)
                .Check((Person.FamilyNameKana?.Length ?? 0) <= 100, "person.familyNameKana", ErrorCodes.TooLong, "must be at most 100 characters")
                .Check((Person.GivenNameKana?.Length ?? 0) <= 100, "person.givenNameKana", ErrorCodes.TooLong, "must be at most 100 characters")
                .Municipality(Person.Municipality, "person.municipality")
                .Check((Person.Contact?.Email?.Length ?? 0) <= 254 && (Person.Contact?.Email is null || Person.Contact.Email.Contains('@')),
                    "person.contact.email", ErrorCodes.InvalidFormat, "must be an e-mail address")
                .Check((Person.Contact?.Phone?.Length ?? 0) <= 40, "person.contact.phone", ErrorCodes.TooLong, "must be at most 40 characters");
            if (Person.BirthDate is not { } birthDate)
            {
                errors.Add("person.birthDate", ErrorCodes.Required, "is required");
            }
            else
            {
                var age = AgeOn(birthDate, today);
                errors.Check(age is >= MinAge and <= MaxAge, "person.birthDate", ErrorCodes.OutOfRange, $"must give an age between {MinAge} and {MaxAge}");
            }
        }
        errors.Code(Source, ReferralSources.All, "source")
            .Codes(Needs, Contracts.Codes.Needs.All, "needs")
            .Code(Urgency ?? Urgencies.Routine, Urgencies.All, "urgency")
            .Required(Summary, "summary", 4000);
        return ReferralPreferences.Check(Preferences, errors);
    }

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary><see cref="YouthAccessCode"/> is given once, on the person's first referral; null afterwards.</summary>
/// <summary>
/// A referral taken: on its case (201: the case, the person, and the young person's code for a new person), or waiting
/// for the referring agency to be admitted to the person's existing case (202: its id and status, nothing of the case).
/// </summary>
public sealed record OpenReferralResponse(
    Guid ReferralId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? CaseId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? PersonId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? ExistingCase,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? YouthAccessCode,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? YouthAccessCodeExpiresAt = null)
{
    public static OpenReferralResponse AwaitingAdmission(Guid referralId) =>
        new(referralId, CaseId: null, PersonId: null, ExistingCase: null, YouthAccessCode: null, ReferralStatuses.AwaitingAdmission);

    [JsonIgnore]
    public bool IsWaiting => Status == ReferralStatuses.AwaitingAdmission;
}
