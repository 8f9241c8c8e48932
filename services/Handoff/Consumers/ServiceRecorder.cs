using MassTransit;

namespace ReferralNet.Handoff.Consumers;

/// <summary>Keeps handoff's copy of who each service of the directory takes, so an offer to any service is checked here.</summary>
public sealed class ServiceRecorder(Database database) : IInboxConsumer, IConsumer<ServiceListed>
{
    public static string Inbox => "service-listed";

    private const string Record = """
        INSERT INTO directory_services (service_id, agency_id, status, needs, modalities, municipalities, age_min, age_max, listed_at)
        VALUES (@ServiceId, @AgencyId, @Status, @Needs, @Modalities, @Municipalities, @AgeMin, @AgeMax, @OccurredAt)
        ON CONFLICT (service_id) DO UPDATE SET
            agency_id = EXCLUDED.agency_id, status = EXCLUDED.status, needs = EXCLUDED.needs, modalities = EXCLUDED.modalities,
            municipalities = EXCLUDED.municipalities, age_min = EXCLUDED.age_min, age_max = EXCLUDED.age_max, listed_at = EXCLUDED.listed_at
        WHERE directory_services.listed_at < EXCLUDED.listed_at
        """;

    public Task Consume(ConsumeContext<ServiceListed> context) => database.ConsumeOnceAsync(context, Inbox, (work, ct) =>
    {
        var (serviceId, agencyId, e, occurredAt) = context.Message;
        return work.ExecuteAsync(Record, new
        {
            ServiceId = serviceId, AgencyId = agencyId, e.Status, e.Needs, e.Modalities, e.Municipalities, e.AgeMin, e.AgeMax, OccurredAt = occurredAt,
        }, ct);
    });
}
