namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>What is kept of a failure beside a parked message or outbox row: its type and message, never the body.</summary>
internal static class Faults
{
    public const int MaxLength = 500;

    public static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }
}
