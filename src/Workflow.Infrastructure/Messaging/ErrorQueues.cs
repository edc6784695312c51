using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Workflow.Infrastructure.Messaging;

/// <summary>How many messages wait in one consumer's error queue.</summary>
public sealed record ErrorQueueCount(string Queue, uint Messages);

/// <summary>
/// The "_error" queues where MassTransit parks the messages a consumer still failed after its retries (on RabbitMQ).
/// Operators count them, fix the cause (an SMTP server down, say) and send them back to their consumers.
/// A message leaves its error queue only after the broker confirmed it back on the consumer's queue, so a crash
/// in between can duplicate it (the consumers' inbox absorbs that) but never lose it.
/// </summary>
public sealed class ErrorQueues(MessagingOptions messaging, string prefix)
{
    public async Task<IReadOnlyList<ErrorQueueCount>> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var counts = new List<ErrorQueueCount>();
        foreach (var queue in MessagingSetup.ConsumerQueues.Select(name => prefix + name + "_error"))
            counts.Add(new ErrorQueueCount(queue, await CountAsync(connection, queue, cancellationToken)));
        return counts;
    }

    /// <summary>Moves every message of the error queues back to its consumer's queue, without the fault's headers.</summary>
    /// <returns>How many messages were sent back.</returns>
    public async Task<int> RedeliverAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var moved = 0;
        foreach (var name in MessagingSetup.ConsumerQueues.Select(name => prefix + name))
        {
            // Only what is there now: a message that fails again comes back behind us and waits for the next run.
            var waiting = await CountAsync(connection, name + "_error", cancellationToken);
            if (waiting == 0) continue;
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);
            for (var i = 0; i < waiting; i++)
            {
                var failed = await channel.BasicGetAsync(name + "_error", autoAck: false, cancellationToken);
                if (failed is null) break;
                var properties = new BasicProperties(failed.BasicProperties)
                {
                    Headers = failed.BasicProperties.Headers?
                        .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                        .ToDictionary(h => h.Key, h => h.Value),
                };
                // Through the default exchange straight to the consumer's queue: other consumers already had the event.
                await channel.BasicPublishAsync("", name, mandatory: true, properties, failed.Body, cancellationToken);
                await channel.BasicAckAsync(failed.DeliveryTag, multiple: false, cancellationToken);
                moved++;
            }
        }
        return moved;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var broker = new Uri(messaging.RabbitMqHost ?? "rabbitmq://localhost/");
        var credentials = broker.UserInfo.Split(':', 2);
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port > 0 ? broker.Port : 5672,
            VirtualHost = Uri.UnescapeDataString(broker.AbsolutePath.Trim('/')) is { Length: > 0 } virtualHost ? virtualHost : "/",
            UserName = messaging.RabbitMqUsername ?? (credentials[0] is { Length: > 0 } user ? Uri.UnescapeDataString(user) : "guest"),
            Password = messaging.RabbitMqPassword ?? (credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest"),
            ClientProvidedName = "workflow-error-queues",
        };
        return await factory.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>A queue that was never declared (its consumer never failed a message) counts as empty.</summary>
    private static async Task<uint> CountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declaration of a missing queue closes its channel: one channel per question.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    public static string Describe(IEnumerable<ErrorQueueCount> counts)
    {
        var text = new StringBuilder();
        foreach (var count in counts) text.AppendLine($"{count.Messages,8}  {count.Queue}");
        return text.ToString();
    }
}
