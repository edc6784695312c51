using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Infrastructure.Email;

namespace Workflow.Infrastructure.Messaging;

public sealed class MessagingOptions
{
    /// <summary>InMemory (default) or RabbitMq.</summary>
    public string Transport { get; init; } = "InMemory";
    /// <summary>For RabbitMq: e.g. rabbitmq://localhost/ or amqp://user:pass@host:5672/vhost.</summary>
    public string? RabbitMqHost { get; init; }
    public string? RabbitMqUsername { get; init; }
    public string? RabbitMqPassword { get; init; }

    public bool IsInMemory => string.Equals(Transport, "InMemory", StringComparison.OrdinalIgnoreCase);
}

public static class MessagingSetup
{
    /// <summary>The in-memory bus as the service runs it; the tests' harness is configured with the same.</summary>
    public static void ConfigureInMemory(IBusRegistrationContext context, IInMemoryBusFactoryConfigurator cfg, int[] retryIntervals)
    {
        cfg.UseMessageRetry(r => r.Intervals(retryIntervals));
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>The RabbitMQ bus as the service runs it; the tests' harness on a broker is configured with the same.</summary>
    /// <param name="prefix">The deployment's prefix ("" for none), put before exchange names as well as queue names:
    /// MassTransit publishes each event type to an exchange of its own, so deployments sharing a virtual host would
    /// otherwise hear each other's events.</param>
    public static void ConfigureRabbitMq(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg, MessagingOptions messaging,
        string prefix, int[] retryIntervals)
    {
        cfg.Host(new Uri(messaging.RabbitMqHost ?? "rabbitmq://localhost/"), h =>
        {
            if (messaging.RabbitMqUsername is not null) h.Username(messaging.RabbitMqUsername);
            if (messaging.RabbitMqPassword is not null) h.Password(messaging.RabbitMqPassword);
        });
        if (prefix.Length > 0)
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, prefix));
        // A consumer whose dependency is down (an SMTP server, say) stops taking messages for a while instead of
        // failing them all into its error queue; the unacknowledged ones go back to the queue and are redelivered.
        cfg.UseKillSwitch(k => k.SetActivationThreshold(10).SetTripThreshold(0.15).SetRestartTimeout(m: 1));
        // Retries in the consumer; a message still failing after the last lands in the endpoint's "_error" queue
        // (see ErrorQueues for counting and redelivering them).
        cfg.UseMessageRetry(r => r.Intervals(retryIntervals));
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>The queues of the event consumers (each with its "_error" queue on RabbitMQ), without the deployment's prefix.</summary>
    public static IReadOnlyList<string> ConsumerQueues { get; } =
    [
        InvitationEmailConsumer.Name, DrafterNotificationConsumer.Name, InvalidationNoticeConsumer.Name,
        SignOnEmailConsumer.Name, CollaboratorEmailConsumer.Name, ReconfirmationEmailConsumer.Name, ReceiptEmailConsumer.Name,
    ];

    /// <summary>The deployment's prefix for queue and exchange names, with its separator; "" when none is configured.</summary>
    public static string Prefix(IConfiguration configuration) =>
        configuration["Messaging:QueuePrefix"] is { Length: > 0 } configuredPrefix ? configuredPrefix + "-" : "";

    public static MessagingOptions Options(IConfiguration configuration) => new()
    {
        Transport = configuration["Messaging:Transport"] ?? "InMemory",
        RabbitMqHost = configuration["Messaging:RabbitMq:Host"],
        RabbitMqUsername = configuration["Messaging:RabbitMq:Username"],
        RabbitMqPassword = configuration["Messaging:RabbitMq:Password"],
    };

    public static int[] RetryIntervals(IConfiguration configuration) =>
        configuration.GetSection("Messaging:RetryIntervalsMs").Get<int[]>() is { Length: > 0 } configured
            ? configured : [100, 500, 2000, 5000];

    /// <param name="hostConsumers">Consumers that live in the host (the web host's cache, for one).</param>
    public static IServiceCollection AddWorkflowMessaging(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? hostConsumers = null)
    {
        var role = ProcessRole.From(configuration["role"], configuration["Messaging:Transport"] ?? "InMemory");
        // Deployments sharing one broker (or one virtual host) keep their queues apart by a prefix.
        var prefix = Prefix(configuration);
        services.AddSingleton(role);
        var messaging = Options(configuration);
        services.AddSingleton(messaging);
        if (!messaging.IsInMemory) services.AddSingleton(new ErrorQueues(messaging, prefix));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        if (role.ConsumesEvents) services.AddHostedService<ReminderScheduler>();
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        if (role.ConsumesEvents) services.AddHostedService<DrafterNotificationScheduler>();
        var retryIntervals = RetryIntervals(configuration);

        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit reports how it is used to its makers unless told not to: nothing about a deployment leaves it unasked
            // (and the report's collection took about a tenth of a start).
            bus.DisableUsageTelemetry();
            if (role.ConsumesEvents)
            {
                bus.AddConsumer<InvitationEmailConsumer>(c => c.Options<BatchOptions>(EmailOnce.Batching))
                    .Endpoint(e => e.Name = prefix + InvitationEmailConsumer.Name);
                bus.AddConsumer<DrafterNotificationConsumer>().Endpoint(e => e.Name = prefix + DrafterNotificationConsumer.Name);
                bus.AddConsumer<InvalidationNoticeConsumer>().Endpoint(e => e.Name = prefix + InvalidationNoticeConsumer.Name);
                bus.AddConsumer<SignOnEmailConsumer>(c => c.Options<BatchOptions>(EmailOnce.Batching))
                    .Endpoint(e => e.Name = prefix + SignOnEmailConsumer.Name);
                bus.AddConsumer<CollaboratorEmailConsumer>().Endpoint(e => e.Name = prefix + CollaboratorEmailConsumer.Name);
                bus.AddConsumer<ReconfirmationEmailConsumer>().Endpoint(e => e.Name = prefix + ReconfirmationEmailConsumer.Name);
                bus.AddConsumer<ReceiptEmailConsumer>(c => c.Options<BatchOptions>(EmailOnce.Batching))
                    .Endpoint(e => e.Name = prefix + ReceiptEmailConsumer.Name);
            }
            if (role.ServesWeb) hostConsumers?.Invoke(bus);

            if (messaging.IsInMemory)
            {
                bus.UsingInMemory((context, cfg) => ConfigureInMemory(context, cfg, retryIntervals));
            }
            else if (string.Equals(messaging.Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                bus.UsingRabbitMq((context, cfg) => ConfigureRabbitMq(context, cfg, messaging, prefix, retryIntervals));
            }
            else
            {
                throw new InvalidOperationException(
                    $"Messaging:Transport '{messaging.Transport}' is not supported. Use InMemory or RabbitMq.");
            }
        });
        return services;
    }
}
