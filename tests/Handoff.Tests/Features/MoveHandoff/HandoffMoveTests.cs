using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.Handoff.Features;
using ReferralNet.Handoff.Features.MoveHandoff;
using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests.Features.MoveHandoff;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class HandoffMoveTests
{
    private static readonly Guid Sender = Guid.NewGuid();
    private static readonly Guid Receiver = Guid.NewGuid();
    private static readonly HandoffRecord Offered = new() { FromAgencyId = Sender, ToAgencyId = Receiver, Status = "offered" };

    private static Caller WorkerOf(Guid agency) => new("u", Roles.Worker, agency, null);

    public static TheoryData<HandoffMove, bool> Moves => new()
    {
        { AcceptHandoff.Move, false }, { DeclineHandoff.Move, false }, { RecordFirstContact.Move, false },
        { CompleteHandoff.Move, false }, { WithdrawHandoff.Move, true },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Each_move_belongs_to_one_side_of_the_handoff(HandoffMove move, bool bySender)
    {
        Assert.Equal(bySender, move.MayBeMadeBy(WorkerOf(Sender), Offered));
        Assert.Equal(!bySender, move.MayBeMadeBy(WorkerOf(Receiver), Offered));
        Assert.False(move.MayBeMadeBy(WorkerOf(Guid.NewGuid()), Offered));
        Assert.False(move.MayBeMadeBy(new Caller("c", Roles.Coordinator, null, null), Offered));
    }

    [Fact]
    public void The_sender_stays_accountable_until_first_contact_so_a_connected_handoff_cannot_be_withdrawn()
    {
        Assert.DoesNotContain("connected", WithdrawHandoff.Move.From);
        Assert.Equal(["accepted", "offered"], WithdrawHandoff.Move.From.Order());
        Assert.Equal("connected", RecordFirstContact.Move.To);
        Assert.Equal(["accepted"], RecordFirstContact.Move.From);
    }

    [Fact]
    public void Declined_and_expired_offers_end_the_handoff_and_nothing_moves_on_from_them()
    {
        var all = new[] { AcceptHandoff.Move, DeclineHandoff.Move, WithdrawHandoff.Move, RecordFirstContact.Move, CompleteHandoff.Move };

        Assert.DoesNotContain(all, move => move.From.Overlaps(["declined", "expired", "withdrawn", "completed"]));
    }
}
