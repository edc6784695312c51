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
    private static readonly Dictionary<string, string?> DispatcherOff = new() { ["Outbox:DispatcherEnabled"] = "false",
        [EventProbe.Setting] = "on" };
    /// <summary>A consumer of every event (<see cref="EventProbe"/>), with an inbox like the service's own.</summary>
    private static readonly Dictionary<string, string?> Probed = new() { [EventProbe.Setting] = "on" };
    /// <summary>Generous for a machine busy with other work: the condition, not the deadline, ends each wait.</summary>
    private const int LoadedMachineSeconds = 120;

    /// <summary>Makes events: a statement drafted, revised several times, opened and an invitation sent.</summary>
    private static async Task<Guid> MakeEventsAsync(WorkflowApiFactory factory, int revisions)
    {
        var client = await factory.SignedInClientAsync();
        var id = (await client.CreateStatementAsync()).Id;
        for (var v = 1; v <= revisions; v++)
            (await client.PutAsJsonAsync($"/api/statements/{id}/draft", new { title = "T", body = $"Text {v}", baseVersion = v }))
                .EnsureSuccessStatusCode();
        await client.OpenAsync(id);
        await client.InviteAsync(id);
        return id;
    }

    private static Task<List<OutboxMessage>> OutboxAsync(WorkflowApiFactory factory) =>
        factory.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());

    private static async Task<Dictionary<Guid, int>> AuditCountsAsync(WorkflowApiFactory factory) =>
        await factory.InDatabaseAsync(db => db.AuditEntries.GroupBy(a => a.MessageId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count));

    /// <summary>The messages the probe's inbox holds, each with how many entries it has there.</summary>
    private static async Task<Dictionary<Guid, int>> ProbedCountsAsync(WorkflowApiFactory factory) =>
        await factory.InDatabaseAsync(db => db.ProcessedMessages.Where(p => p.Consumer == EventProbe.Name).GroupBy(p => p.MessageId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));

    [Fact]
    public async Task Every_event_is_in_the_audit_log_once_as_soon_as_its_change_is_saved_without_the_bus_and_without_link_tokens()
    {
        await using var factory = WorkflowApiFactory.With(settings: DispatcherOff);
        var id = await MakeEventsAsync(factory, revisions: 2);

        // Nothing was published: the audit entries were written with the changes, under the outbox rows' message ids.
        var written = await OutboxAsync(factory);
        Assert.All(written, m => Assert.Null(m.SentAt));
        var audit = await factory.InDatabaseAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.StatementId == id).ToListAsync());
        Assert.Equal(written.Select(m => m.MessageId).Order(), audit.Select(a => a.MessageId).Order());
        Assert.Equal(written.Select(m => m.Type.Split('.')[^1]),
            written.Select(m => audit.Single(a => a.MessageId == m.MessageId).EventType));
        var requested = audit.Single(a => a.EventType == nameof(EndorsementRequested));
        var outboxToken = JsonSerializer.Deserialize<EndorsementRequested>(written.Single(m => m.MessageId == requested.MessageId).Payload,
            WorkflowDb.EventJson)!
            .ProtectedSigningToken;
        Assert.NotEqual("", outboxToken); // the e-mail consumer still gets its link
        Assert.Equal("", JsonSerializer.Deserialize<EndorsementRequested>(requested.Payload, WorkflowDb.EventJson)!.ProtectedSigningToken);
        Assert.DoesNotContain(outboxToken, requested.Payload);
    }

    [Fact]
    public async Task A_message_that_can_never_be_published_is_parked_with_its_error_and_the_events_behind_it_still_go_out()
    {
        await using var factory = WorkflowApiFactory.With(settings: DispatcherOff);
        await MakeEventsAsync(factory, revisions: 1);
        var written = await OutboxAsync(factory);
        // A corrupted row in the middle of the outbox: a payload that is not JSON.
        var poisoned = written[1].Sequence;
        await factory.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.Sequence == poisoned)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Payload, "{not json")));

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
                "Expected 4 sent: "
                    + string.Join(", ", afterStop.Select(m => $"{m.Type.Split('.')[^1]} sent={m.SentAt is not null} error={m.LastError}")));
            // The four the bus took are handled before this host goes: a consumer still at work while the test host disposes
            // its services fails them with ObjectDisposedException through every retry (seen in a trace on the in-memory bus;
            // on a broker that ends in its error queue). That is the test host's way of stopping, not a process dying, whose
            // unacknowledged messages a broker delivers again.
            var sent = afterStop.Where(m => m.SentAt is not null).Select(m => m.MessageId).ToList();
            await Eventually.ReturnsAsync(() => ProbedCountsAsync(first), c => sent.Count == 4 && sent.All(c.ContainsKey),
                "the four sent were handled", LoadedMachineSeconds);
        }

        await using var restarted = WorkflowApiFactory.With(dataDirectory, settings: Probed);
        // The audit log was written with the changes, not by a consumer: it is complete before any event was handled.
        var audited = await AuditCountsAsync(restarted);
        Assert.All(written, m => Assert.Equal(1, audited.GetValueOrDefault(m.MessageId)));
        _ = restarted.Services; // start the host: the dispatcher resumes
        var probed = await Eventually.ReturnsAsync(() => ProbedCountsAsync(restarted),
            c => written.Count > 0 && written.All(m => c.ContainsKey(m.MessageId)), "every written event reached a consumer",
            LoadedMachineSeconds);
        Assert.All(written, m => Assert.Equal(1, probed[m.MessageId]));
        // The four sent before the stop are published again after the restart (the in-memory transport's redelivery window): the inbox
        // skips them.
        Assert.All(restarted.Services.GetRequiredService<EventProbe.Deliveries>().Snapshot(), d => Assert.Equal(1, d.Value));
        // The probe is not the e-mail consumer, which may still be at work on a loaded machine: wait for its mail, and count
        // the mails only once the outbox has drained (the e-mail consumer raises InvitationDelivered after sending).
        await Eventually.ReturnsAsync(() => Task.FromResult(MailLinks.MailsIn(restarted.MailPickupDirectory).WithoutAccountMails().Count()),
            count => count > 0, "the invitation is e-mailed", LoadedMachineSeconds);
        await Eventually.ReturnsAsync(() => OutboxAsync(restarted), o => o.Count >= written.Count && o.All(m => m.SentAt is not null),
            "the outbox is drained", LoadedMachineSeconds);
        Assert.Single(MailLinks.MailsIn(restarted.MailPickupDirectory).WithoutAccountMails());
        Assert.Equal(audited.Count, (await AuditCountsAsync(restarted)).Count(a => audited.ContainsKey(a.Key)));
    }

    [Fact]
    public async Task Events_waiting_when_the_service_starts_wait_for_the_bus_to_be_ready_and_none_is_lost()
    {
        var (dataDirectory, written) = await EventsLeftUnpublishedAsync(revisions: 2);

        // A bus slow to start, as on a busy machine: its consumers are bound seconds after the dispatcher has begun. Events
        // published before that would reach no consumer, yet be marked sent.
        var slowStart = new SlowBusStart(TimeSpan.FromSeconds(3));
        await using var restarted = WorkflowApiFactory.With(dataDirectory, settings: Probed,
            services: s => s.AddSingleton<IBusObserver>(slowStart));
        _ = restarted.Services;
        var probed = await Eventually.ReturnsAsync(() => ProbedCountsAsync(restarted),
            c => written.Count > 0 && written.All(m => c.ContainsKey(m.MessageId)), "every waiting event reached a consumer",
            LoadedMachineSeconds);
        Assert.All(written, m => Assert.Equal(1, probed[m.MessageId]));
        Assert.True(slowStart.WasSlow, "the bus's start was held back");
    }

    [Fact]
    public async Task A_publish_the_bus_never_finishes_is_given_up_after_the_timeout_and_the_message_goes_out_on_a_later_pass()
    {
        await using var factory =
            WorkflowApiFactory.With(settings: new Dictionary<string, string?>(DispatcherOff) { ["Outbox:PublishTimeout"] = "00:00:01" });
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
            Assert.All((await OutboxAsync(factory)).Where(m => m.Sequence > first.Sequence),
                m => Assert.Equal(0, m.Attempts)); // the order is kept
            stuck.Cancel();
        }

        Assert.True(await dispatcher.DispatchPendingAsync(100, CancellationToken.None) >= written.Count);
        var after = await OutboxAsync(factory);
        Assert.All(after.Where(m => written.Any(w => w.Sequence == m.Sequence)), m => Assert.NotNull(m.SentAt));
        Assert.Null(after[0].LastError);
        var counts = await Eventually.ReturnsAsync(() => ProbedCountsAsync(factory), c => written.Count > 0
            && written.All(m => c.ContainsKey(m.MessageId)),
            "every event reached a consumer", LoadedMachineSeconds);
        Assert.All(written, m => Assert.Equal(1, counts[m.MessageId]));
    }

    [Fact]
    public async Task Events_published_again_after_a_crash_before_they_were_marked_sent_are_handled_once()
    {
        await using var factory = WorkflowApiFactory.With(settings: Probed);
        await MakeEventsAsync(factory, revisions: 2);
        var written = await OutboxAsync(factory);
        await Eventually.ReturnsAsync(() => ProbedCountsAsync(factory), c => written.Count > 0
            && written.All(m => c.ContainsKey(m.MessageId)), "every event was handled",
            LoadedMachineSeconds);

        // As if the process had died after publishing but before saving "sent": everything goes out again.
        await factory.InDatabaseAsync(db => db.OutboxMessages.ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, (DateTimeOffset?)null)));
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(100, CancellationToken.None);
        await Eventually.ReturnsAsync(() => OutboxAsync(factory), o => o.Count >= written.Count && o.All(m => m.SentAt is not null),
            "the outbox is drained again", LoadedMachineSeconds);
        var writtenIds = written.Select(m => m.MessageId).ToHashSet();
        var deliveries = factory.Services.GetRequiredService<EventProbe.Deliveries>();
        await Eventually.ReturnsAsync(() => Task.FromResult(deliveries.ReceivedSnapshot()),
            received => writtenIds.Count > 0 && writtenIds.All(m => received.GetValueOrDefault(m) >= 2),
            "each message was delivered to the probe twice", LoadedMachineSeconds);

        Assert.All(written, m => Assert.Equal(1, deliveries.Snapshot()[m.MessageId]));
        var counts = await ProbedCountsAsync(factory);
        Assert.All(written, m => Assert.Equal(1, counts[m.MessageId]));
        var audited = await AuditCountsAsync(factory);
        Assert.All(written, m => Assert.Equal(1, audited[m.MessageId]));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_processed_once_by_each_consumer()
    {
        await using var factory = WorkflowApiFactory.With(settings: Probed);
        var id = await MakeEventsAsync(factory, revisions: 0);
        var requested = (await OutboxAsync(factory)).Single(m => m.Type == typeof(EndorsementRequested).FullName);
        await Eventually.ReturnsAsync(() => ProbedCountsAsync(factory), c => c.ContainsKey(requested.MessageId),
            "the first delivery was handled", LoadedMachineSeconds);
        await Eventually.ReturnsAsync(() => Task.FromResult(MailLinks.MailsIn(factory.MailPickupDirectory).WithoutAccountMails().Count()),
            n => n == 1,
            "the invitation was e-mailed", LoadedMachineSeconds);

        var message = JsonSerializer.Deserialize<EndorsementRequested>(requested.Payload, WorkflowDb.EventJson)!;
        var bus = factory.Services.GetRequiredService<IBus>();
        var deliveries = new DeliveryCounter(requested.MessageId);
        using var _ = bus.ConnectConsumeObserver(deliveries);
        await bus.Publish(message, context => context.MessageId = requested.MessageId);
        await bus.Publish(message, context => context.MessageId = requested.MessageId);

        await Eventually.ReturnsAsync(() => Task.FromResult(deliveries.Count), n => n >= 4, "both new deliveries reached both consumers",
            LoadedMachineSeconds);
        Assert.Equal(1, (await ProbedCountsAsync(factory))[requested.MessageId]);
        Assert.Equal(1, factory.Services.GetRequiredService<EventProbe.Deliveries>().Snapshot()[requested.MessageId]);
        Assert.Equal(1, (await AuditCountsAsync(factory))[requested.MessageId]);
        Assert.Single(MailLinks.MailsIn(factory.MailPickupDirectory).WithoutAccountMails());
        var audited = await factory.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id
            && a.EventType == nameof(EndorsementRequested)));
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

    /// <summary>A data directory whose service wrote events and stopped without publishing any of them.</summary>
    private static async Task<(string DataDirectory, List<OutboxMessage> Written)> EventsLeftUnpublishedAsync(int revisions)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        await using var factory = WorkflowApiFactory.With(dataDirectory, settings: DispatcherOff);
        await MakeEventsAsync(factory, revisions);
        var written = await OutboxAsync(factory);
        Assert.All(written, m => Assert.Null(m.SentAt));
        return (dataDirectory, written);
    }

    /// <summary>Holds the bus back before it starts its receive endpoints.</summary>
    private sealed class SlowBusStart(TimeSpan delay) : IBusObserver
    {
        public bool WasSlow { get; private set; }
        public void PostCreate(IBus bus) { }
        public void CreateFaulted(Exception exception) { }
        public async Task PreStart(IBus bus)
        {
            await Task.Delay(delay);
            WasSlow = true;
        }
        public Task PostStart(IBus bus, Task<BusReady> busReady) => Task.CompletedTask;
        public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;
        public Task PreStop(IBus bus) => Task.CompletedTask;
        public Task PostStop(IBus bus) => Task.CompletedTask;
        public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
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
