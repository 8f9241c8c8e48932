using ReferralNet.BuildingBlocks.Places;

namespace ReferralNet.Testing;

/// <summary>
/// Real towns of the register for tests that need a town of their own (its services are the only ones a referral
/// there is matched to): counted, not drawn, so no two calls of a process meet; never a designated city or one of its
/// wards (a city's service serves its wards), never 世田谷区, which the demo and fixed tests use, and never a town whose
/// name, kana or romaji another town shares (若狭町 and 若桜町 are both Wakasa-cho): a test types them.
/// </summary>
public static class Towns
{
    public const string Setagaya = "131121";

    private static readonly string[] Separate = [.. MunicipalityRegister.Japan.All
        .Where(p => p.City is null && p.Code != Setagaya && MunicipalityRegister.Japan.WithWards([p.Code]).Count == 1
            && new[] { p.Name, p.Kana, p.Romaji }.All(name => MunicipalityRegister.Japan.CodeOf(name) == p.Code))
        .Select(p => p.Code)];

    private static int _next = Random.Shared.Next(Separate.Length);

    /// <summary>A town's code no other call of this process was given (until every one of about 1 700 is used).</summary>
    public static string Unique() => Separate[Interlocked.Increment(ref _next) % Separate.Length];

    /// <summary>The town's name as a worker types it: 世田谷区.</summary>
    public static string NameOf(string code) => MunicipalityRegister.Japan.Find(code)!.Name;

    /// <summary>The name with its prefecture, as a service area names it: 東京都世田谷区.</summary>
    public static string FullNameOf(string code) => MunicipalityRegister.Japan.Find(code) is { } place ? place.Prefecture + place.Name : code;
}
