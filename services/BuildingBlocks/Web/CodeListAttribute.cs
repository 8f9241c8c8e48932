using System.Reflection;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// The code list (a class of <c>ReferralNet.Contracts.Codes</c> with its <c>All</c> set, or another set it names) a string, or each string of a
/// list, is taken from: the contract shows the list as an enum. Its <c>Validate()</c> still checks the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CodeListAttribute(Type codes, string set = "All") : Attribute
{
    public IEnumerable<string> Codes { get; } =
        (codes.GetField(set, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IReadOnlySet<string>)?.Order(StringComparer.Ordinal)
        ?? throw new ArgumentException($"{codes.Name} has no code set named {set}.", nameof(codes));
}
