using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralNet.BuildingBlocks.Consent;

public static class ConsentEnforcement
{
    /// <summary>For a service that shows personal data: the consent index, loaded before the service takes traffic.</summary>
    public static WebApplicationBuilder AddConsentEnforcement(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ParticipationOptions>();
        builder.Services.AddSingleton(services => new ConsentIndex(
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<ParticipationOptions>>().Value.ClosedCaseReadableFor));
        builder.Services.AddHostedService<ConsentIndexRefresher>();
        return builder;
    }

    /// <summary>
    /// The consumers that keep the projection; call inside AddMessaging's consumer list. A service that handles
    /// referrals itself records them with <see cref="ConsentProjection.RecordReferralAsync"/> in its own transaction
    /// (<paramref name="referralsRecordedHere"/>) and saves a second delivery and transaction per referral.
    /// </summary>
    public static IBusRegistrationConfigurator AddConsentProjection(this IBusRegistrationConfigurator bus, bool referralsRecordedHere = false)
    {
        bus.AddConsumer<ConsentProjector>();
        if (!referralsRecordedHere)
        {
            bus.AddConsumer<ParticipationRecorder>();
        }
        return bus;
    }

    /// <summary>
    /// Decides every category of one case the caller's agency asks to see and records each read, permitted or denied,
    /// as CaseDataAccessed in the same transaction (through the outbox, so no read goes unlogged even when the broker is
    /// away). A caller without an agency (coordinator, youth) is decided as an agency that takes part in nothing.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, AccessDecision>> DecideAndRecordAsync(
        this ConsentIndex index, UnitOfWork work, Caller caller, Guid personId, Guid caseId, IReadOnlyList<string> categories,
        string purpose, DateTimeOffset now, CancellationToken ct)
    {
        var agencyId = caller.AgencyId ?? Guid.Empty;
        var decisions = index.DecideInCase(caseId, personId, agencyId, categories, purpose);
        foreach (var (category, decision) in decisions)
        {
            work.Publish(new CaseDataAccessed(personId, caseId, agencyId, caller.UserId, category, purpose, decision.Decision, now));
        }
        return decisions;
    }
}
