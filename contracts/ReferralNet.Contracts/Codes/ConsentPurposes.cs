namespace ReferralNet.Contracts.Codes;

/// <summary>What a consent permits data to be used for; reads name the purpose they are for.</summary>
public static class ConsentPurposes
{
    /// <summary>The agencies of a case coordinate the young person's support (every read of the shared case is for this).</summary>
    public const string Coordination = "coordination";
    public const string ServiceDelivery = "service-delivery";
    public const string Statistics = "statistics";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Coordination, ServiceDelivery, Statistics);
}
