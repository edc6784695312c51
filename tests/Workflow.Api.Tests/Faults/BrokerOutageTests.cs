using Workflow.Infrastructure.Email;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Faults;

/// <summary>
/// RabbitMQ goes away under a running service (a proxy between them drops every connection and refuses new ones) and
/// comes back: signing goes on meanwhile, the events wait in the outbox, and once the broker is back the outbox drains
/// and every event is consumed exactly once. On the suite's own RabbitMQ node (Support/Servers).
/// </summary>
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task While_the_broker_is_away_signing_goes_on_and_the_outbox_drains_once_it_is_back()
    {
        TestBroker.AssertListens();
        var broker = new Uri(TestBroker.Address);
        await using var proxy = new TcpProxy(broker.Host, broker.Port > 0 ? broker.Port : 5672);
        var settings = TestBroker.Settings($"test-{Guid.NewGuid():N}");
        settings["Messaging:RabbitMq:Host"] = $"rabbitmq://127.0.0.1:{proxy.Port}{broker.AbsolutePath}";
        await using var factory = WorkflowApiFactory.With(testHarness: false, settings: settings);
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Signed while the broker was away");
        var id = statement.Id;
        await drafter.OpenAsync(statement.Id);
        var tokens = new List<string>();
        for (var i = 0; i < 10; i++)
            tokens.Add((await drafter.InviteAsync(statement.Id, name: $"Broker organisation {OrganisationNames.InWords(i)}",
                nameEnglish: null, acronym: null,
                email: $"broker{i}-{id:N}@example.org")).Token!);
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(
            db => db.ProcessedMessages.CountAsync(p => p.Consumer == InvitationEmailConsumer.Name)),
            count => count == tokens.Count, "events flow through the broker before the outage", timeoutSeconds: 120);

        proxy.Cut();

        foreach (var token in tokens)
            Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(token)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(await factory.InDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null
            && m.Type.EndsWith("SignatureRecorded"))) > 0,
            "with the broker away the signatures' events wait in the outbox");
        Assert.Equal(0,
            await factory.InDatabaseAsync(db => db.ProcessedMessages.CountAsync(p => p.Consumer == DrafterNotificationConsumer.Name)));
        // The audit log does not wait for the broker: it was written with each signature.
        Assert.Equal(tokens.Count, await factory.InDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.StatementId == id
            && a.EventType.EndsWith("SignatureRecorded"))));

        proxy.Restore();

        // The probe says what still waits and why, so that a stall explains itself.
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(async db => string.Join("; ",
            await db.OutboxMessages.Where(m => m.SentAt == null)
                .OrderBy(m => m.Sequence).Select(m => $"#{m.Sequence} {m.Type} attempts {m.Attempts}: {m.LastError}").ToListAsync())),
            unsent => unsent.Length == 0, "the outbox drains once the broker is back", timeoutSeconds: 120);
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(
            db => db.ProcessedMessages.CountAsync(p => p.Consumer == DrafterNotificationConsumer.Name)),
            handled => handled >= tokens.Count, "every signature's event is consumed", timeoutSeconds: 120);
        Assert.Equal(tokens.Count,
            await factory.InDatabaseAsync(db => db.ProcessedMessages.CountAsync(p => p.Consumer == DrafterNotificationConsumer.Name)));
    }
}
