using ReferralNet.BuildingBlocks.Auth;

namespace ReferralNet.Handoff.Features.MoveHandoff;

/// <summary>
/// The handoff state machine: offered → accepted → connected → completed; offered → declined | expired | withdrawn;
/// accepted → withdrawn. Each move names the states it leaves, the state it enters and which side may make it.
/// </summary>
public sealed record HandoffMove(string Name, IReadOnlySet<string> From, string To, bool BySender)
{
    public static readonly HandoffMove Accept = new("accept", Set("offered"), "accepted", BySender: false);
    public static readonly HandoffMove Decline = new("decline", Set("offered"), "declined", BySender: false);
    public static readonly HandoffMove Withdraw = new("withdraw", Set("offered", "accepted"), "withdrawn", BySender: true);
    public static readonly HandoffMove RecordContact = new("contact", Set("accepted"), "connected", BySender: false);
    public static readonly HandoffMove Complete = new("complete", Set("connected"), "completed", BySender: false);

    public bool MayBeMadeBy(Caller caller, HandoffRecord handoff) =>
        caller.IsWorkerOf(BySender ? handoff.FromAgencyId : handoff.ToAgencyId);

    private static IReadOnlySet<string> Set(params string[] states) => new HashSet<string>(states, StringComparer.Ordinal);
}
