namespace ReferralNet.Contracts.Codes;

/// <summary>To whom a consent permits: every agency that takes part in the case, or only the agencies it names.</summary>
public static class ConsentScopes
{
    public const string Network = "network";
    public const string Agencies = "agencies";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Network, Agencies);
}
