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
        var recorded = await factory.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id && a.EventType.EndsWith("SignatureRecorded")));
        Assert.Equal(5, recorded);
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
