using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.Core.Data;

namespace Workflow.Infrastructure.Messaging;

/// <summary>
/// Publishes the outbox to MassTransit in the order it was written, marking each message sent once the bus has taken
/// it; the marks of a batch are saved together at its end (one commit per message set the pace in a surge). A crash
/// before that save publishes the batch's messages again at the next pass; consumers recognise them by their message id
/// (the inbox), so every event is handled once.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IBusControl bus, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> log)
{
    private volatile bool _busReady;

    private static readonly Dictionary<string, Type> ContractTypes = typeof(IWorkflowEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IWorkflowEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.FullName!);

    /// <returns>How many messages were published.</returns>
    public async Task<int> DispatchPendingAsync(int batchSize, CancellationToken ct)
    {
        if (!_busReady) await WaitUntilTheBusIsReadyAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();

        var batch = await db.OutboxMessages.Where(m => m.SentAt == null && m.ParkedAt == null).OrderBy(m => m.Sequence)
            .Take(batchSize).ToListAsync(ct);
        var published = 0;
        try
        {
            published = await PublishInOrderAsync(db, batch, ct);
        }
        finally
        {
            // Saved whatever the token says: the bus has these messages, and forgetting that would only cause harmless duplicates.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return published;
    }

    /// <summary>
    /// The dispatcher starts before MassTransit's hosted service, which starts the bus in the background. An event published
    /// before the receive endpoints are bound reaches no consumer, yet is marked sent: with the in-memory transport it was
    /// simply lost (seen on a busy machine after a restart). So nothing is published until the bus first says it is ready;
    /// while a broker is down at start, the events wait in the outbox. (Later outages show as failed publishes, tried again.)
    /// </summary>
    private async Task WaitUntilTheBusIsReadyAsync(CancellationToken ct)
    {
        // Real time, not the service's clock: tests that stand the clock still must not hold the outbox back.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var nextWarning = TimeSpan.FromSeconds(30);
        while (bus.CheckHealth() is { Status: not BusHealthStatus.Healthy } health)
        {
            if (waited.Elapsed > nextWarning)
            {
                log.LogWarning("The outbox waits for the message bus to be ready before publishing: {Health}", health.Description);
                nextWarning += TimeSpan.FromSeconds(30);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
        _busReady = true;
    }

    private async Task<int> PublishInOrderAsync(WorkflowDb db, List<OutboxMessage> batch, CancellationToken ct)
    {
        var published = 0;
        foreach (var message in batch)
        {
            ct.ThrowIfCancellationRequested();
            message.Attempts++;
            object payload;
            Type type;
            try
            {
                type = ContractTypes.TryGetValue(message.Type, out var known) ? known
                    : throw new InvalidOperationException($"No event contract is named {message.Type}.");
                payload = JsonSerializer.Deserialize(message.Payload, type, WorkflowDb.EventJson)
                    ?? throw new InvalidOperationException("The payload is empty.");
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or NotSupportedException)
            {
                // It will never publish: set it aside rather than hold back every later event behind it.
                message.ParkedAt = clock.GetUtcNow();
                message.LastError = Truncate(e.Message);
                log.LogCritical(e, "Outbox message {Sequence} ({Type}) cannot be read and was parked; it needs a person", message.Sequence,
                    message.Type);
                continue;
            }

            try
            {
                // A publish in flight when the broker's connection dies may wait for its confirmation for ever (seen with
                // RabbitMQ: the outbox stood still after the broker came back). Give up on it after a while and publish it
                // again on the next pass; consumers recognise a message that did arrive by its id.
                await bus.Publish(payload, type, context => context.MessageId = message.MessageId, ct)
                    .WaitAsync(options.Value.PublishTimeout);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The bus is unwell: keep the order, stop here and try this message again on the next pass.
                message.LastError = Truncate(e.Message);
                log.LogError(e, "Publishing outbox message {Sequence} ({Type}) failed; it will be tried again", message.Sequence,
                    message.Type);
                break;
            }
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
            WorkflowMetrics.Published(type.Name, message.SentAt.Value - message.OccurredAt);
            published++;
        }
        return published;
    }

    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;

    /// <summary>
    /// The in-memory transport loses what it holds when the process stops. At start-up, messages sent
    /// shortly before are published again; consumers have already handled most of them and skip those.
    /// </summary>
    public async Task<int> RequeueRecentlySentAsync(TimeSpan window, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var since = clock.GetUtcNow() - window;
        return await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt > since)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, (DateTimeOffset?)null), ct);
    }
}
