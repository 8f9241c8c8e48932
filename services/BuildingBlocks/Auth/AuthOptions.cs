using System.ComponentModel.DataAnnotations;

namespace ReferralNet.BuildingBlocks.Auth;

/// <summary>
/// Tokens come from an OpenID Connect authority in production (<see cref="Authority"/>); locally the gateway issues
/// development tokens signed with <see cref="SigningKey"/>, which every service validates again.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    public string? Authority { get; set; }

    public string? SigningKey { get; set; }

    [Required]
    public string Issuer { get; set; } = "referralnet";

    [Required]
    public string Audience { get; set; } = "referralnet";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Authority) && (SigningKey is null || SigningKey.Length < 32))
        {
            yield return new ValidationResult(
                "Set Auth:Authority (OpenID Connect) or Auth:SigningKey (at least 32 characters, development only).",
                [nameof(Authority), nameof(SigningKey)]);
        }
    }
}
