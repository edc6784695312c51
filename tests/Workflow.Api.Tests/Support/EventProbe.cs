using MassTransit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// A consumer of every event, for the tests of the outbox: it keeps an inbox entry per message (under <see cref="Name"/>) as the
/// service's consumers do, and counts the deliveries it handled, so a test can see that each event arrived and was handled once.
/// Registered on the test harness when the factory's settings hold <see cref="Setting"/>.
/// </summary>
public sealed class EventProbe(WorkflowDb db, TimeProvider clock, EventProbe.Deliveries deliveries) : IConsumer<IWorkflowEvent>
{
    public const string Name = "test-event-probe";
    public const string Setting = "Tests:EventProbe";

    public async Task Consume(ConsumeContext<IWorkflowEvent> context)
    {
        var messageId = context.MessageId!.Value;
        deliveries.Received(messageId);
        if (await db.ProcessedMessages.AnyAsync(p => p.MessageId == messageId && p.Consumer == Name, context.CancellationToken)) return;
        db.ProcessedMessages.Add(new ProcessedMessage { MessageId = messageId, Consumer = Name, ProcessedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(context.CancellationToken);
        deliveries.Handled(messageId);
    }

    /// <summary>How many times each message reached the probe, and how many times it was handled (an inbox that works keeps that at
    /// one).</summary>
    public sealed class Deliveries
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _received = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _handled = new();
        public void Received(Guid messageId) => _received.AddOrUpdate(messageId, 1, (_, n) => n + 1);
        public void Handled(Guid messageId) => _handled.AddOrUpdate(messageId, 1, (_, n) => n + 1);
        public IReadOnlyDictionary<Guid, int> ReceivedSnapshot() => new Dictionary<Guid, int>(_received);
        public IReadOnlyDictionary<Guid, int> Snapshot() => new Dictionary<Guid, int>(_handled);
    }
}
