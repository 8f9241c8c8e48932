using System.ComponentModel.DataAnnotations;

namespace ReferralNet.Intake.Features.SharedCase;

public sealed class IntakeOptions : IValidatableObject, IOptionsSection
{
    public static string Section => "Intake";

    /// <summary>The network's intake desk: the agency that leads a case a young person opened themself.</summary>
    [Required]
    public Guid? DeskAgencyId { get; set; }

    /// <summary>A case with no contact (a referral, a first contact) for this long becomes dormant.</summary>
    public TimeSpan DormantAfter { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan DormancyCheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When the lead's task to admit (or not) an agency that asked to join the team is due.</summary>
    public TimeSpan AdmitWithin { get; set; } = TimeSpan.FromDays(3);

    /// <summary>By when the intake desk reaches a young person who asked for help themself: told to them, and its task's due.</summary>
    public TimeSpan DeskContactWithin { get; set; } = TimeSpan.FromDays(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DeskAgencyId == Guid.Empty)
        {
            yield return new ValidationResult("names the intake desk's agency", [nameof(DeskAgencyId)]);
        }
        if (DormantAfter <= TimeSpan.Zero || DormancyCheckEvery <= TimeSpan.Zero || AdmitWithin <= TimeSpan.Zero || DeskContactWithin <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive",
                [nameof(DormantAfter), nameof(DormancyCheckEvery), nameof(AdmitWithin), nameof(DeskContactWithin)]);
        }
    }
}
