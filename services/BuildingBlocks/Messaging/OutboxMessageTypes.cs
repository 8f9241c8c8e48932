using System.Collections.Concurrent;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>Stores a message's type as "Full.Name, Assembly" (no version) so rows survive upgrades.</summary>
internal static class OutboxMessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Resolved.GetOrAdd(name, n => Type.GetType(n, throwOnError: true)!);
}
