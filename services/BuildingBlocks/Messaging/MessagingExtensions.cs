using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReferralNet.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ the ReferralNet way: quorum queues, publisher confirms, kebab-case endpoints prefixed with
    /// the service name (so two services never compete for one queue), immediate retries with back-off, then
    /// redelivery through the broker's delay queues up to a horizon, then the queue's _parked queue (see
    /// <see cref="RedeliveryQueues"/>), and the outbox dispatcher.
    /// </summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator>? addConsumers = null)
    {
        var serviceName = builder.Services.Select(d => d.ImplementationInstance).OfType<ServiceIdentity>().SingleOrDefault()?.Name
            ?? throw new InvalidOperationException("AddServiceDefaults names the service before AddMessaging.");
        builder.Services.AddValidatedOptions<BrokerOptions>();
        builder.Services.AddValidatedOptions<OutboxOptions>();
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // A service starts without the broker and connects when it comes (QueuesBound keeps it unready until its
            // queues exist); a stop lets in-flight messages finish.
            o.WaitUntilStarted = false;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new InboxEndpointNameFormatter(serviceName));
            // A broker that is away (or not there yet) degrades the service; it does not take it out of service.
            bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);
            addConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                var broker = context.GetRequiredService<IOptions<BrokerOptions>>().Value;
                context.GetRequiredService<RedeliveryQueues>().ConsumerQueues.TryAdd(queue, 0);
                endpoint.UseMessageRetry(r => r.Exponential(
                    broker.RetryLimit, broker.RetryMinInterval, broker.RetryMaxInterval, broker.RetryMinInterval));
                // What still fails after the retries, alone or in a batch, is delivered again later, not moved to _error.
                endpoint.ConfigureError(error => error.UseFilter(new RedeliveryOnFault(context.GetRequiredService<RedeliveryQueues>(), broker,
                    context.GetRequiredService<TimeProvider>(), serviceName, context.GetRequiredService<ILoggerFactory>().CreateLogger<RedeliveryOnFault>())));
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = context.GetRequiredService<IOptions<BrokerOptions>>().Value;
                var first = broker.Endpoints[0];
                rabbit.Host(first.HostName, (ushort)first.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                    if (broker.Nodes.Length > 0)
                    {
                        host.UseCluster(cluster => Array.ForEach(broker.Nodes, cluster.Node));
                    }
                });
                rabbit.PrefetchCount = broker.PrefetchCount;
                rabbit.ConcurrentMessageLimit = broker.ConcurrentMessageLimit;
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddSingleton<QueuesBound>();
        builder.Services.AddBusObserver(services => services.GetRequiredService<QueuesBound>());
        builder.Services.AddHealthChecks().AddCheck<QueuesBound>("queues-bound", tags: [ServiceDefaults.ReadyTag]);
        builder.Services.AddSingleton<QueueTime>();
        builder.Services.AddConsumeObserver(services => services.GetRequiredService<QueueTime>());
        builder.Services.AddSingleton<RedeliveryQueues>();
        builder.Services.AddSingleton<ParkedMessagesCheck>();
        builder.Services.AddHealthChecks().AddCheck<ParkedMessagesCheck>("parked-messages", tags: [ServiceDefaults.ReadyTag]);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddHostedService<Housekeeping>();
        builder.Services.AddSingleton<UnconfirmedPublishes>();
        builder.Services.AddHostedService<BusWatch>();
        return builder;
    }
}
