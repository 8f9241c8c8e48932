using System.Text.Json.Serialization;

namespace ReferralNet.Matching.Features.Services;

public sealed record Capacity(int Available, int Maximum, int WaitWeeks);

/// <summary>A service as agencies describe it (Open Referral HSDS-shaped), in requests and responses alike.</summary>
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
    string? Status)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Check(AgencyId is not null, "agencyId", "is required")
            .Required(Name, "name", 200)
            .Check((Description?.Length ?? 0) <= 2000, "description", "must be at most 2000 characters")
            .Codes(Needs, Contracts.Codes.Needs.All, "needs")
            .Codes(Modalities, Contracts.Codes.Modalities.All, "modalities")
            .Check(AgeMin is null or >= 0 and <= 120, "ageMin", "must be between 0 and 120")
            .Check(AgeMax is null or >= 0 and <= 120, "ageMax", "must be between 0 and 120")
            .Check(AgeMin is null || AgeMax is null || AgeMin <= AgeMax, "ageMax", "must not be below ageMin")
            .Check(Municipalities is null || Municipalities.All(m => !string.IsNullOrWhiteSpace(m) && m.Length <= 100), "municipalities", "each must be a name of at most 100 characters")
            .Check(Languages is null || Languages.All(l => l.Length is >= 2 and <= 10), "languages", "each must be a language tag such as 'ja'")
            .AtMost(Municipalities, 20, "municipalities")
            .AtMost(Languages, 20, "languages")
            .Code(Fee ?? Fees.Free, Fees.All, "fee")
            .Code(Status ?? ServiceStatuses.Active, ServiceStatuses.All, "status");
        if (Capacity is { } capacity)
        {
            errors.Check(capacity.Available >= 0 && capacity.Maximum >= 0 && capacity.WaitWeeks >= 0, "capacity", "must not be negative")
                .Check(capacity.Available <= capacity.Maximum, "capacity.available", "must not exceed capacity.maximum");
        }
        return errors;
    }

    /// <summary>Who the service takes (of a stored, normalised description).</summary>
    [JsonIgnore]
    public ServiceEligibility Eligibility => new(Status!, Needs!, Modalities!, Municipalities!, AgeMin, AgeMax);

    /// <summary>The stored form: optional lists become empty, optional codes take their defaults.</summary>
    public ServiceDescription Normalised() => this with
    {
        Name = Name!.Trim(),
        Description = Description ?? "",
        Needs = Needs!.Distinct().ToList(),
        Modalities = Modalities!.Distinct().ToList(),
        Municipalities = Municipalities ?? [],
        Languages = Languages ?? [],
        Fee = Fee ?? Fees.Free,
        Capacity = Capacity ?? new Capacity(0, 0, 0),
        Status = Status ?? ServiceStatuses.Active,
    };
}

public sealed record DirectoryService(Guid Id, ServiceDescription Description);
