using MassTransit;

namespace ReferralNet.Handoff.Consumers;

/// <summary>Keeps each handoff's confirmed joint first meeting (a later confirmation, after a move, wins).</summary>
public sealed class JointMeetingRecorder(Database database) : IInboxConsumer, IConsumer<JointMeetingConfirmed>
{
    public static string Inbox => "joint-meeting-confirmed";

    private const string Record = """
        INSERT INTO joint_meetings (meeting_id, handoff_id, at, confirmed_at) VALUES (@MeetingId, @HandoffId, @At, @OccurredAt)
        ON CONFLICT (meeting_id) DO UPDATE SET at = EXCLUDED.at, confirmed_at = EXCLUDED.confirmed_at
        WHERE joint_meetings.confirmed_at <= EXCLUDED.confirmed_at
        """;

    public Task Consume(ConsumeContext<JointMeetingConfirmed> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(Record, context.Message, ct));
}
