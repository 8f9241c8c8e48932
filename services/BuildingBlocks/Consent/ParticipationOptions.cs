namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// How long agencies other than the lead still take part in a case after it closes. The contract names the setting
/// <c>Intake:ClosedCaseReadableFor</c>; every service that decides access reads the same key, so they agree.
/// </summary>
public sealed class ParticipationOptions : IOptionsSection
{
    public static string Section => "Intake";

    public static readonly TimeSpan DefaultClosedCaseReadableFor = TimeSpan.FromDays(30);

    public TimeSpan ClosedCaseReadableFor { get; set; } = DefaultClosedCaseReadableFor;
}
