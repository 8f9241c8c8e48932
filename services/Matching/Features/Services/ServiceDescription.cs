using System.Text.Json.Serialization;

namespace ReferralNet.Matching.Features.Services;

/// <summary>A service's places: free now, in all (0: the service keeps no count), and weeks of waiting when none is free.</summary>
public sealed record Capacity(int Available, int Maximum, int WaitWeeks)
{
    public const int MostPlaces = 100_000;
    public const int LongestWaitWeeks = 520;

    public static readonly Capacity NotCounted = new(0, 0, 0);

    public ValidationErrors Validate(ValidationErrors errors, string field) => errors
        .Check(Available >= 0 && Maximum >= 0 && WaitWeeks >= 0, field, ErrorCodes.OutOfRange, "must not be negative")
        .Check(Maximum <= MostPlaces, $"{field}.maximum", ErrorCodes.OutOfRange, $"must be at most {MostPlaces}")
        .Check(WaitWeeks <= LongestWaitWeeks, $"{field}.waitWeeks", ErrorCodes.OutOfRange, $"must be at most {LongestWaitWeeks}")
        .Check(Available <= Maximum, $"{field}.available", ErrorCodes.OutOfRange, $"must not exceed {field}.maximum");
}

/// <summary>
/// A service in ReferralNet's own words (v1), in requests and responses alike: what ranking and the v1 endpoints read.
/// The directory keeps the service's HSDS document; this is derived from it on every save (<see cref="Hsds.HsdsTranslation"/>).
/// <see cref="Public"/>: the agency publishes it to young people, who may browse it without an account.
/// </summary>
[StoredAsJson]
public sealed record ServiceDescription(
    Guid? AgencyId,
    string? Name,
    string? Description,
    IReadOnlyList<string>? Needs,
    IReadOnlyList<string>? Modalities,
    int? AgeMin,
    int? AgeMax,
    IReadOnlyList<string>? Municipalities,
    IReadOnlyList<string>? Languages,
    string? Fee,
    Capacity? Capacity,
    string? Status,
    bool? Public = null)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxMunicipalities = 50;
    public const int MaxLanguages = 20;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Check(AgencyId is not null, "agencyId", ErrorCodes.Required, "is required")
            .Required(Name, "name", MaxNameLength)
            .Check((Description?.Length ?? 0) <= MaxDescriptionLength, "description", ErrorCodes.TooLong, $"must be at most {MaxDescriptionLength} characters")
            .Codes(Needs, Contracts.Codes.Needs.All, "needs")
            .Codes(Modalities, Contracts.Codes.Modalities.All, "modalities")
            .Check(AgeMin is null or >= 0 and <= 120, "ageMin", ErrorCodes.OutOfRange, "must be between 0 and 120")
            .Check(AgeMax is null or >= 0 and <= 120, "ageMax", ErrorCodes.OutOfRange, "must be between 0 and 120")
            .Check(AgeMin is null || AgeMax is null || AgeMin <= AgeMax, "ageMax", ErrorCodes.OutOfRange, "must not be below ageMin")
            .Municipalities(Municipalities, "municipalities", MaxMunicipalities)
            .Check(Languages is null || Languages.All(l => l.Length is >= 2 and <= 10), "languages", ErrorCodes.InvalidFormat, "each must be a language tag such as 'ja'")
            .AtMost(Languages, MaxLanguages, "languages")
            .Code(Fee ?? Fees.Free, Fees.All, "fee")
            .Code(Status ?? ServiceStatuses.Active, ServiceStatuses.All, "status");
        return Capacity?.Validate(errors, "capacity") ?? errors;
    }

    /// <summary>Who the service takes (of a stored, normalised description): a designated city's service serves its wards.</summary>
    [JsonIgnore]
    public ServiceEligibility Eligibility => new(Status!, Needs!, Modalities!, MunicipalityRegister.Japan.WithWards(Municipalities!), AgeMin, AgeMax);

    /// <summary>The stored form: optional lists become empty, optional codes take their defaults, towns are codes.</summary>
    public ServiceDescription Normalised() => this with
    {
        Name = Name!.Trim(),
        Description = Description ?? "",
        Needs = Needs!.Distinct().ToList(),
        Modalities = Modalities!.Distinct().ToList(),
        Municipalities = [.. (Municipalities ?? []).Select(town => MunicipalityRegister.Japan.CodeOf(town) ?? town).Distinct()],
        Languages = Languages ?? [],
        Fee = Fee ?? Fees.Free,
        Capacity = Capacity ?? Capacity.NotCounted,
        Status = Status ?? ServiceStatuses.Active,
        Public = Public ?? false,
    };
}

public sealed record DirectoryService(Guid Id, ServiceDescription Description);
