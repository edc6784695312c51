using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Api.Tests.Messaging;

public sealed class OutboxTests
{
    private static readonly Dictionary<string, string?> DispatcherOff = new() { ["Outbox:DispatcherEnabled"] = "false" };

    /// <summary>Makes events: a statement drafted, revised several times, opened and an invitation sent.</summary>
    private static async Task<string> MakeEventsAsync(WorkflowApiFactory factory, int revisions)
    {
        var client = await factory.SignedInClientAsync();
        var id = (await client.CreateStatementAsync()).Str("id");
        for (var v = 1; v <= revisions; v++)
            (await client.PutAsJsonAsync($"/api/statements/{id}/draft", new { title = "T", body = $"Text {v}", baseVersion = v })).EnsureSuccessStatusCode();
        await client.OpenAsync(id);
        await client.InviteAsync(id);
        return id;
    }

    private static Task<List<OutboxMessage>> OutboxAsync(WorkflowApiFactory factory) =>
        factory.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());

    private static async Task<Dictionary<Guid, int>> AuditCountsAsync(WorkflowApiFactory factory) =>
        await factory.InDatabaseAsync(db => db.AuditEntries.GroupBy(a => a.MessageId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count));

    [Fact]
    public async Task A_message_that_can_never_be_published_is_parked_with_its_error_and_the_events_behind_it_still_go_out()
    {
        await using var factory = WorkflowApiFactory.With(settings: DispatcherOff);
        await MakeEventsAsync(factory, revisions: 1);
        var written = await OutboxAsync(factory);
        // A corrupted row in the middle of the outbox: a payload that is not JSON.
        var poisoned = written[1].Sequence;
        await factory.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.Sequence == poisoned).ExecuteUpdateAsync(m => m.SetProperty(x => x.Payload, "{not json")));

        var published = await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(100, CancellationToken.None);

        Assert.Equal(written.Count - 1, published);
        var after = await OutboxAsync(factory);
        var parked = Assert.Single(after, m => m.ParkedAt is not null);
        Assert.Equal(poisoned, parked.Sequence);
        Assert.Null(parked.SentAt);
        Assert.False(string.IsNullOrEmpty(parked.LastError));
        // Every other message written before the pass went out (consumers may have raised new ones since, not yet published).
        var before = written.Select(m => m.Sequence).ToHashSet();
        Assert.All(after.Where(m => before.Contains(m.Sequence) && m.Sequence != poisoned), m => Assert.NotNull(m.SentAt));
        // A later pass does not try it again (the pass may publish events that consumers raised meanwhile).
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(100, CancellationToken.None);
        Assert.Equal(1, (await OutboxAsync(factory)).Single(m => m.Sequence == poisoned).Attempts);
    }

    [Fact]
    public async Task A_dispatcher_stopped_mid_batch_loses_no_event_after_a_restart_and_none_is_handled_twice()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        List<OutboxMessage> written;
        await using (var first = WorkflowApiFactory.With(dataDirectory, settings: DispatcherOff))
        {
            await MakeEventsAsync(first, revisions: 8);
            written = await OutboxAsync(first);
            Assert.True(written.Count == 11, "Expected 11 events: " + string.Join(", ", written.Select(m => m.Type.Split('.')[^1])));
            Assert.All(written, m => Assert.Null(m.SentAt));

            // The process "dies" after the bus has taken four messages of the batch.
            using var stop = new CancellationTokenSource();
            var bus = first.Services.GetRequiredService<IBus>();
            using var _ = bus.ConnectPublishObserver(new StopAfter(4, stop));
            var dispatcher = first.Services.GetRequiredService<OutboxDispatcher>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchPendingAsync(100, stop.Token));

            var afterStop = await OutboxAsync(first);
            Assert.True(afterStop.Count(m => m.SentAt is not null) == 4,
                "Expected 4 sent: " + string.Join(", ", afterStop.Select(m => $"{m.Type.Split('.')[^1]} sent={m.SentAt is not null} error={m.LastError}")));
        }

        await using var restarted = WorkflowApiFactory.With(dataDirectory);
        _ = restarted.Services; // start the host: the dispatcher resumes
        var counts = await Eventually.ReturnsAsync(() => AuditCountsAsync(restarted),
            c => written.All(m => c.ContainsKey(m.MessageId)), "every written event reached the audit log");
        Assert.All(written, m => Assert.Equal(1, counts[m.MessageId]));
        // Consumers may still be writing follow-up events (InvitationDelivered); the outbox drains them too.
        await Eventually.ReturnsAsync(() => OutboxAsync(restarted), o => o.All(m => m.SentAt is not null), "the outbox is drained");
    }

    [Fact]
    public async Task A_publish_the_bus_never_finishes_is_given_up_after_the_timeout_and_the_message_goes_out_on_a_later_pass()
    {
        await using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>(DispatcherOff) { ["Outbox:PublishTimeout"] = "00:00:01" });
        await MakeEventsAsync(factory, revisions: 1);
        var written = await OutboxAsync(factory);
        var bus = factory.Services.GetRequiredService<IBus>();
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();

        // As a publish in flight when the broker's connection died: it never completes.
        using var stuck = new CancellationTokenSource();
        using (bus.ConnectPublishObserver(new HoldFirstPublish(stuck.Token)))
        {
            var started = DateTime.UtcNow;
            Assert.Equal(0, await dispatcher.DispatchPendingAsync(100, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
            var first = (await OutboxAsync(factory)).Single(m => m.Sequence == written[0].Sequence);
            Assert.Null(first.SentAt);
            Assert.Equal(1, first.Attempts);
            Assert.Contains("timed out", first.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.All((await OutboxAsync(factory)).Where(m => m.Sequence > first.Sequence), m => Assert.Equal(0, m.Attempts)); // the order is kept
            stuck.Cancel();
        }

        Assert.True(await dispatcher.DispatchPendingAsync(100, CancellationToken.None) >= written.Count);
        var after = await OutboxAsync(factory);
        Assert.All(after.Where(m => written.Any(w => w.Sequence == m.Sequence)), m => Assert.NotNull(m.SentAt));
        Assert.Null(after[0].LastError);
        var counts = await Eventually.ReturnsAsync(() => AuditCountsAsync(factory), c => written.All(m => c.ContainsKey(m.MessageId)), "every event reached the audit log");
        Assert.All(written, m => Assert.Equal(1, counts[m.MessageId]));
    }

    [Fact]
    public async Task Events_published_again_after_a_crash_before_they_were_marked_sent_are_handled_once()
    {
        await using var factory = new WorkflowApiFactory();
        await MakeEventsAsync(factory, revisions: 2);
        var written = await OutboxAsync(factory);
        await Eventually.ReturnsAsync(() => AuditCountsAsync(factory), c => written.All(m => c.ContainsKey(m.MessageId)), "the audit log has every event");

        // As if the process had died after publishing but before saving "sent": everything goes out again.
        await factory.InDatabaseAsync(db => db.OutboxMessages.ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, (DateTimeOffset?)null)));
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(100, CancellationToken.None);
        await Eventually.ReturnsAsync(() => OutboxAsync(factory), o => o.All(m => m.SentAt is not null), "the outbox is drained again");
        var writtenIds = written.Select(m => m.MessageId).ToList();
        await Eventually.ReturnsAsync(
            () => factory.InDatabaseAsync(db => db.ProcessedMessages.CountAsync(p => p.Consumer == AuditLogConsumer.Name && writtenIds.Contains(p.MessageId))),
            n => n == written.Count, "the inbox saw each message");

        Assert.True(await factory.Bus.Consumed.Any<StatementDrafted>());
        var counts = await AuditCountsAsync(factory);
        Assert.All(written, m => Assert.Equal(1, counts[m.MessageId]));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_processed_once_by_each_consumer()
    {
        await using var factory = new WorkflowApiFactory();
        var id = await MakeEventsAsync(factory, revisions: 0);
        var requested = (await OutboxAsync(factory)).Single(m => m.Type == typeof(EndorsementRequested).FullName);
        await Eventually.ReturnsAsync(() => AuditCountsAsync(factory), c => c.ContainsKey(requested.MessageId), "the first delivery was handled");

        var message = JsonSerializer.Deserialize<EndorsementRequested>(requested.Payload, WorkflowDb.EventJson)!;
        var bus = factory.Services.GetRequiredService<IBus>();
        var deliveries = new DeliveryCounter(requested.MessageId);
        using var _ = bus.ConnectConsumeObserver(deliveries);
        await bus.Publish(message, context => context.MessageId = requested.MessageId);
        await bus.Publish(message, context => context.MessageId = requested.MessageId);

        await Eventually.ReturnsAsync(() => Task.FromResult(deliveries.Count), n => n >= 4, "both new deliveries reached both consumers");
        Assert.Equal(1, (await AuditCountsAsync(factory))[requested.MessageId]);
        Assert.Single(MailLinks.MailsIn(factory.MailPickupDirectory).WithoutAccountMails());
        var audited = await factory.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == Guid.Parse(id) && a.EventType == nameof(EndorsementRequested)));
        Assert.Equal(1, audited);
    }

    private sealed class DeliveryCounter(Guid messageId) : IConsumeObserver
    {
        private int _count;
        public int Count => _count;

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId == messageId) Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    /// <summary>Holds the first publish that passes until the token is cancelled, then lets it fail.</summary>
    private sealed class HoldFirstPublish(CancellationToken release) : IPublishObserver
    {
        private int _seen;

        public async Task PrePublish<T>(PublishContext<T> context) where T : class
        {
            if (Interlocked.Increment(ref _seen) == 1) await Task.Delay(Timeout.Infinite, release);
        }

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;
        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    private sealed class StopAfter(int count, CancellationTokenSource stop) : IPublishObserver
    {
        private int _published;

        public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            if (Interlocked.Increment(ref _published) == count) stop.Cancel();
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
