namespace ReferralNet.Contracts.Codes;

/// <summary>
/// A young person's age as a caseload shows it: five-year bands, enough to tell cases apart without the birth date
/// (as coarse as the age the referral events carry).
/// </summary>
public static class AgeBands
{
    public const string UnderFifteen = "under-15";
    public const string FifteenToNineteen = "15-19";
    public const string TwentyToTwentyFour = "20-24";
    public const string TwentyFiveToTwentyNine = "25-29";
    public const string ThirtyToThirtyFour = "30-34";
    public const string ThirtyFiveAndOver = "35-plus";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(
        UnderFifteen, FifteenToNineteen, TwentyToTwentyFour, TwentyFiveToTwentyNine, ThirtyToThirtyFour, ThirtyFiveAndOver);

    public static string Of(int ageYears) => ageYears switch
    {
        < 15 => UnderFifteen,
        < 20 => FifteenToNineteen,
        < 25 => TwentyToTwentyFour,
        < 30 => TwentyFiveToTwentyNine,
        < 35 => ThirtyToThirtyFour,
        _ => ThirtyFiveAndOver,
    };
}
