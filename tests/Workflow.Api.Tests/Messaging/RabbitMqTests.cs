using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Infrastructure.Email;
using Workflow.Infrastructure.Messaging;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Messaging;

/// <summary>
/// The service on a real RabbitMQ broker: events leave through the outbox, cross the broker and are consumed once each.
/// On the suite's own RabbitMQ node (Support/Servers; WORKFLOW_TEST_RABBITMQ names another).
/// </summary>
public sealed class RabbitMqTests
{
    [Fact]
    public async Task Events_cross_a_real_broker_and_every_consumer_handles_each_exactly_once()
    {
        TestBroker.AssertListens();
        await using var factory = WorkflowApiFactory.With(testHarness: false, settings: TestBroker.Settings($"test-{Guid.NewGuid():N}"));
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync();
        var id = statement.Id;
        var tokens = new List<string>();
        string[] names = ["Frente Amplio", "Bloque Popular", "Unión Obrera", "Liga Campesina", "Juventud Rebelde"];
        await drafter.OpenAsync(statement.Id);
        for (var i = 0; i < names.Length; i++)
            tokens.Add((await drafter.InviteAsync(statement.Id, name: names[i], nameEnglish: null, acronym: null,
                email: $"org{i}-{id:N}@example.org")).Token!);
        await Task.WhenAll(tokens.Select(async t => Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(t)).StatusCode)));

        // The audit log was written with each change; the events reach their consumers through the broker, the invitations their mailboxes.
        var sent = await factory.InDatabaseAsync(db => db.OutboxMessages.CountAsync());
        Assert.True(await factory.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id)) >= 1 + 5 + 1 + 5);
        // Each organisation gets its invitation, then, once it signed, its receipt.
        await Eventually.ReturnsAsync(async () => (await factory.MailsAsync())
            .Count(m => m.To.Mailboxes.Any(a => a.Address.EndsWith($"-{id:N}@example.org"))),
            count => count == 10, "five invitations and five receipts are e-mailed through RabbitMQ", timeoutSeconds: 60);

        // Consumers raise events of their own (an invitation marked sent): the outbox drains them too.
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)),
            unsent => unsent == 0, "the outbox is drained onto the broker", timeoutSeconds: 60);
        // Each message once in the audit log, whatever the broker redelivered.
        var audited = await factory.InDatabaseAsync(db => db.AuditEntries.Where(a => a.StatementId == id)
            .Select(a => a.MessageId).ToListAsync());
        Assert.Equal(audited.Count, audited.Distinct().Count());
        Assert.True(sent > 0);
        Assert.Equal(5, await factory.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id
            && a.EventType.EndsWith("SignatureRecorded"))));
        // Each signature's event handled once by the drafters' notifications, whatever the broker redelivered.
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(
            db => db.ProcessedMessages.CountAsync(p => p.Consumer == DrafterNotificationConsumer.Name &&
                db.OutboxMessages.Any(m => m.MessageId == p.MessageId && m.Type.EndsWith("SignatureRecorded")))),
            handled => handled == 5, "each of the five signatures is handled once", timeoutSeconds: 60);
    }

    [Fact]
    public async Task A_web_process_and_a_worker_process_share_the_work_through_the_broker()
    {
        TestBroker.AssertListens();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        var deployment = $"test-{Guid.NewGuid():N}";
        Dictionary<string, string?> As(string role) => new(TestBroker.Settings(deployment)) { ["role"] = role };
        await using var web = WorkflowApiFactory.With(dataDirectory, testHarness: false, settings: As("web"));
        var drafter = await web.SignedInClientAsync();
        await using var worker = WorkflowApiFactory.With(dataDirectory, testHarness: false, settings: As("worker"));
        var workerHttp = worker.CreateClient();
        await Eventually.ReturnsAsync(async () => (await workerHttp.GetAsync("/health/ready")).StatusCode,
            status => status == HttpStatusCode.OK, "the worker connects to the broker and is ready", timeoutSeconds: 60);
        Assert.Equal(HttpStatusCode.NotFound, (await workerHttp.GetAsync("/api/public/statements")).StatusCode);

        var statement = await drafter.CreateStatementAsync(title: "Solidarity across processes");
        var id = statement.Id;
        await drafter.OpenAsync(statement.Id);
        var token = (await drafter.InviteAsync(statement.Id, email: $"pcp-{id:N}@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(token)).StatusCode);
        await drafter.PublishAsync(statement.Id);

        // The worker consumed what the web process wrote: the audit log, the invitation e-mail and the signatory's receipt.
        await Eventually.ReturnsAsync(() => web.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id
            && a.EventType.EndsWith("StatementPublished"))),
            count => count == 1, "the worker audits the publication", timeoutSeconds: 60);
        var toSignatory = await Eventually.ReturnsAsync(async () => (await web.MailsAsync())
            .Where(m => m.To.Mailboxes.Any(a => a.Address == $"pcp-{id:N}@example.org")).ToList(),
            mails => mails.Count == 2, "the invitation and the receipt reach the signatory", timeoutSeconds: 60);
        Assert.Single(toSignatory, m => (m.Subject ?? "").StartsWith("Your signature:", StringComparison.Ordinal));

        // The web process's own cache hears of a later signature through its own queue.
        var reader = web.CreateClient();
        var slug = statement.Slug;
        Assert.Single((await reader.SignatoriesAsync(slug)).Signatories);
        var late = (await drafter.InviteAsync(statement.Id, name: "Bloque Popular", nameEnglish: null, acronym: null,
            email: $"bp-{id:N}@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(late)).StatusCode);
        await Eventually.ReturnsAsync(async () => (await reader.SignatoriesAsync(slug)).Signatories.Count,
            count => count == 2, "the cached list is evicted through the broker", timeoutSeconds: 60);
    }

    [Fact]
    public async Task Deployments_sharing_a_virtual_host_do_not_hear_each_other()
    {
        TestBroker.AssertListens();
        await using var ours = WorkflowApiFactory.With(testHarness: false, settings: TestBroker.Settings($"test-{Guid.NewGuid():N}"));
        await using var theirs = WorkflowApiFactory.With(testHarness: false, settings: TestBroker.Settings($"test-{Guid.NewGuid():N}"));
        var theirDrafter = await theirs.SignedInClientAsync();
        var drafter = await ours.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Ours alone");
        var id = statement.Id;
        await drafter.OpenAsync(statement.Id);
        var token = (await drafter.InviteAsync(statement.Id, email: $"pcp-{id:N}@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(token)).StatusCode);
        await Eventually.ReturnsAsync(() => ours.InDatabaseAsync(
            db => db.ProcessedMessages.CountAsync(p => p.Consumer == DrafterNotificationConsumer.Name)),
            count => count == 1, "our deployment handles its signature", timeoutSeconds: 60);

        // A signature of their own, handled after anything of ours that might have reached their queue before it.
        var theirStatement = await theirDrafter.CreateStatementAsync(title: "Theirs alone");
        await theirDrafter.OpenAsync(theirStatement.Id);
        var theirToken = (await theirDrafter.InviteAsync(theirStatement.Id, email: $"theirs-{id:N}@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await theirDrafter.SignAsync(theirToken)).StatusCode);
        await Eventually.ReturnsAsync(() => theirs.InDatabaseAsync(
            db => db.ProcessedMessages.CountAsync(p => p.Consumer == DrafterNotificationConsumer.Name)),
            count => count == 1, "their deployment handles its own signature", timeoutSeconds: 60);
        Assert.Equal(1,
            await theirs.InDatabaseAsync(db => db.ProcessedMessages.CountAsync(p => p.Consumer == DrafterNotificationConsumer.Name)));
        // They sent only their own e-mails: our invitation's was not theirs to send.
        Assert.DoesNotContain(await theirs.MailsAsync(), m => m.To.Mailboxes.Any(a => a.Address == $"pcp-{id:N}@example.org"));
        Assert.All(await theirs.Services.GetRequiredService<ErrorQueues>().CountAsync(), queue => Assert.Equal(0u, queue.Messages));
    }

    [Fact]
    public async Task A_message_its_consumer_keeps_failing_waits_in_the_error_queue_and_is_delivered_once_sent_back()
    {
        TestBroker.AssertListens();
        await using var smtp = new SmtpTestServer(); // not listening yet
        var settings = smtp.Settings(TimeSpan.FromSeconds(2), TestBroker.Settings($"test-{Guid.NewGuid():N}"));
        settings["Messaging:RetryIntervalsMs:0"] = "50";
        settings["Messaging:RetryIntervalsMs:1"] = "50";
        await using var factory = WorkflowApiFactory.With(testHarness: false, settings: settings);
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Parked")).Id;
        // Open first: a draft's invitations are held, not e-mailed.
        await drafter.OpenAsync(id);
        var invitation = (await drafter.InviteAsync(id, email: "pcu@example.org")).InvitationId;
        var errorQueues = factory.Services.GetRequiredService<ErrorQueues>();
        var invitationErrors = MessagingSetup.Prefix(factory.Services.GetRequiredService<IConfiguration>())
            + InvitationEmailConsumer.Name + "_error";

        await Eventually.ReturnsAsync(async () => (await errorQueues.CountAsync()).Single(q => q.Queue == invitationErrors).Messages,
            count => count == 1, "after its retries the invitation e-mail waits in the consumer's error queue", timeoutSeconds: 60);
        var failed = await (await drafter.GetAsync($"/api/statements/{id}/invitations/{invitation}")).JsonAsync();
        Assert.Equal("DeliveryFailed", failed.Str("status"));

        smtp.Start();
        Assert.Equal(1, await errorQueues.RedeliverAsync());

        await Eventually.ReturnsAsync(async () => await (await drafter.GetAsync($"/api/statements/{id}/invitations/{invitation}"))
            .JsonAsync(),
            i => i.Str("status") == "Sent", "the message sent back is delivered", timeoutSeconds: 60);
        Assert.Single(smtp.Received);
        Assert.All(await errorQueues.CountAsync(), queue => Assert.Equal(0u, queue.Messages));
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void Split_roles_without_a_shared_broker_are_refused_at_start(string role)
    {
        using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?> { ["role"] = role,
            ["Messaging:Transport"] = "InMemory" });
        var failure = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("Messaging:Transport=RabbitMq", failure.Message);
    }
}
