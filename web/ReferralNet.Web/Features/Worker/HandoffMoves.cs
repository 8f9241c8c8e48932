namespace ReferralNet.Web.Features.Worker;

/// <summary>The moves of a warm handoff, as the handoff API names them (<c>POST /api/handoffs/{id}/{move}</c>).</summary>
public static class HandoffMoves
{
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string Withdraw = "withdraw";
    public const string Contact = "contact";
    public const string Complete = "complete";
}
