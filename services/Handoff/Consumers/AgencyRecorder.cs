using MassTransit;

namespace ReferralNet.Handoff.Consumers;

/// <summary>Keeps handoff's copy of which agencies the directory lists: an escalation is given only to one of them.</summary>
public sealed class AgencyRecorder(Database database) : IInboxConsumer, IConsumer<AgencyListed>
{
    public static string Inbox => "agency-listed";

    private const string Record = """
        INSERT INTO directory_agencies (agency_id, listed_at) VALUES (@AgencyId, @OccurredAt)
        ON CONFLICT (agency_id) DO UPDATE SET listed_at = EXCLUDED.listed_at WHERE directory_agencies.listed_at < EXCLUDED.listed_at
        """;

    public Task Consume(ConsumeContext<AgencyListed> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(Record, context.Message, ct));
}
