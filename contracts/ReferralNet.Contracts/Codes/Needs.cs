namespace ReferralNet.Contracts.Codes;

/// <summary>What a young person needs help with (API.md, "Needs"), matched against what services cover.</summary>
public static class Needs
{
    public const string MentalHealth = "mental-health";
    public const string SocialConnection = "social-connection";
    public const string Education = "education";
    public const string Employment = "employment";
    public const string FamilySupport = "family-support";
    public const string DevelopmentalAssessment = "developmental-assessment";
    public const string Financial = "financial";
    public const string Housing = "housing";
    public const string Health = "health";
    public const string Safety = "safety";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        MentalHealth, SocialConnection, Education, Employment, FamilySupport, DevelopmentalAssessment, Financial, Housing, Health, Safety);
}
