using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Messaging;

/// <summary>
/// The service on a real RabbitMQ broker: events leave through the outbox, cross the broker and are consumed once each.
/// Needs RabbitMQ on localhost:5672 with the virtual host and user that .ci/run creates (WORKFLOW_TEST_RABBITMQ overrides).
/// </summary>
public sealed class RabbitMqTests
{
    private static readonly string Broker = Environment.GetEnvironmentVariable("WORKFLOW_TEST_RABBITMQ") is { Length: > 0 } configured
        ? configured : "rabbitmq://localhost/workflow-tests";

    [Fact]
    public async Task Events_cross_a_real_broker_and_every_consumer_handles_each_exactly_once()
    {
        await AssertBrokerListensAsync();
        await using var factory = WorkflowApiFactory.With(testHarness: false, settings: new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = Broker,
            ["Messaging:RabbitMq:Username"] = "workflow",
            ["Messaging:RabbitMq:Password"] = "workflow",
            ["Messaging:QueuePrefix"] = $"test-{Guid.NewGuid():N}",
        });
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync();
        var id = Guid.Parse(statement.Str("id"));
        var tokens = new List<string>();
        string[] names = ["Frente Amplio", "Bloque Popular", "Unión Obrera", "Liga Campesina", "Juventud Rebelde"];
        for (var i = 0; i < names.Length; i++)
            tokens.Add((await drafter.InviteAsync(statement.Str("id"), name: names[i], nameEnglish: null, acronym: null, email: $"org{i}-{id:N}@example.org")).Str("token"));
        await drafter.OpenAsync(statement.Str("id"));
        await Task.WhenAll(tokens.Select(async t => Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(t)).StatusCode)));

        // Every event of the statement reaches the audit log through the broker, and the invitations their mailboxes.
        var sent = await factory.InDatabaseAsync(db => db.OutboxMessages.CountAsync());
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id)),
            count => count >= 1 + 5 + 1 + 5, "the audit log of the statement fills through RabbitMQ", timeoutSeconds: 60);
        await Eventually.ReturnsAsync(async () => (await factory.MailsAsync()).Count(m => m.To.Mailboxes.Any(a => a.Address.EndsWith($"-{id:N}@example.org"))),
            count => count == 5, "five invitations are e-mailed through RabbitMQ", timeoutSeconds: 60);

        // Consumers raise events of their own (an invitation marked sent): the outbox drains them too.
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)),
            unsent => unsent == 0, "the outbox is drained onto the broker", timeoutSeconds: 60);
        // Each message once in the audit log, whatever the broker redelivered.
        var audited = await factory.InDatabaseAsync(db => db.AuditEntries.Where(a => a.StatementId == id).Select(a => a.MessageId).ToListAsync());
        Assert.Equal(audited.Count, audited.Distinct().Count());
        Assert.True(sent > 0);
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id && a.EventType.EndsWith("SignatureRecorded"))),
            recorded => recorded == 5, "each of the five signatures is audited once", timeoutSeconds: 60);
    }

    [Fact]
    public async Task A_web_process_and_a_worker_process_share_the_work_through_the_broker()
    {
        await AssertBrokerListensAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        var deployment = $"test-{Guid.NewGuid():N}";
        Dictionary<string, string?> As(string role) => new()
        {
            ["Messaging:QueuePrefix"] = deployment,
            ["role"] = role,
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = Broker,
            ["Messaging:RabbitMq:Username"] = "workflow",
            ["Messaging:RabbitMq:Password"] = "workflow",
        };
        await using var web = WorkflowApiFactory.With(dataDirectory, testHarness: false, settings: As("web"));
        var drafter = await web.SignedInClientAsync();
        await using var worker = WorkflowApiFactory.With(dataDirectory, testHarness: false, settings: As("worker"));
        var workerHttp = worker.CreateClient();
        await Eventually.ReturnsAsync(async () => (await workerHttp.GetAsync("/health/ready")).StatusCode,
            status => status == HttpStatusCode.OK, "the worker connects to the broker and is ready", timeoutSeconds: 60);
        Assert.Equal(HttpStatusCode.NotFound, (await workerHttp.GetAsync("/api/public/statements")).StatusCode);

        var statement = await drafter.CreateStatementAsync(title: "Solidarity across processes");
        var id = Guid.Parse(statement.Str("id"));
        var token = (await drafter.InviteAsync(statement.Str("id"), email: $"pcp-{id:N}@example.org")).Str("token");
        await drafter.OpenAsync(statement.Str("id"));
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(token)).StatusCode);
        await drafter.PublishAsync(statement.Str("id"));

        // The worker consumed what the web process wrote: the audit log and the invitation e-mail.
        await Eventually.ReturnsAsync(() => web.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id && a.EventType.EndsWith("StatementPublished"))),
            count => count == 1, "the worker audits the publication", timeoutSeconds: 60);
        Assert.Single(await web.MailsAsync(), m => m.To.Mailboxes.Any(a => a.Address == $"pcp-{id:N}@example.org"));

        // The web process's own cache hears of a later signature through its own queue.
        var reader = web.CreateClient();
        var slug = statement.Str("slug");
        Assert.Single((await (await reader.GetAsync($"/api/public/statements/{slug}/signatories")).JsonAsync())["signatories"]!.AsArray());
        var late = (await drafter.InviteAsync(statement.Str("id"), name: "Bloque Popular", nameEnglish: null, acronym: null, email: $"bp-{id:N}@example.org")).Str("token");
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(late)).StatusCode);
        await Eventually.ReturnsAsync(async () => (await (await reader.GetAsync($"/api/public/statements/{slug}/signatories")).JsonAsync())["signatories"]!.AsArray().Count,
            count => count == 2, "the cached list is evicted through the broker", timeoutSeconds: 60);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void Split_roles_without_a_shared_broker_are_refused_at_start(string role)
    {
        using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?> { ["role"] = role });
        var failure = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("Messaging:Transport=RabbitMq", failure.Message);
    }

    private static async Task AssertBrokerListensAsync()
    {
        var uri = new Uri(Broker);
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(uri.Host, uri.Port > 0 ? uri.Port : 5672);
        }
        catch (SocketException e)
        {
            Assert.Fail($"RabbitMQ is not listening at {uri.Host}:{(uri.Port > 0 ? uri.Port : 5672)} ({e.SocketErrorCode}). Install and start it " +
                "(apt-get install rabbitmq-server; rabbitmq-server -detached), then create the virtual host and user as .ci/run does.");
        }
    }
}
