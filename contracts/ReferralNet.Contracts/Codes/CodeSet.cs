namespace ReferralNet.Contracts.Codes;

/// <summary>The set of a code list, compared exactly (codes are lower-case ASCII; "Active" is not "active").</summary>
public static class CodeSet
{
    public static IReadOnlySet<string> Of(params string[] codes) => new HashSet<string>(codes, StringComparer.Ordinal);
}
