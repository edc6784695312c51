using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Core.Data;

namespace Workflow.Api.Tests.Messaging;

/// <summary>
/// Production mode for real: two web processes and one worker process of the built service, on one PostgreSQL database and one
/// RabbitMQ broker. 1,000 signatures sent concurrently across both web processes are each recorded once, numbered without gaps,
/// and every event is consumed exactly once by the worker's audit consumer. On the suite's own PostgreSQL and RabbitMQ (Support/Servers).
/// </summary>
public sealed class MultiInstanceTests
{
    private const int Signatures = 1000;
    private const int InFlight = 48;

    [Fact]
    public async Task A_thousand_concurrent_signatures_across_two_web_processes_are_each_recorded_once_and_audited_once()
    {
        var postgres = TestDatabase.PostgresServer
            + $";Database=workflow_multi_{Guid.NewGuid():N}";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Workflow"] = postgres,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMq__Host"] = TestBroker.Address,
            ["Messaging__RabbitMq__Username"] = "workflow",
            ["Messaging__RabbitMq__Password"] = "workflow",
            ["Messaging__QueuePrefix"] = $"multi-{Guid.NewGuid():N}",
            ["DataDirectory"] = dataDirectory,
            ["Seeds__ImportOnStartup"] = "false",
            ["Database__MigrateOnStartup"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        using (var migrate = ServiceProcess.Start("migrate", ["migrate"], environment))
            await migrate.WaitForExitAsync(TimeSpan.FromMinutes(2));
        await using var worker = ServiceProcess.Start("worker", ["--role", "worker"], environment);
        await using var web1 = ServiceProcess.Start("web1", ["--role", "web"], environment);
        await using var web2 = ServiceProcess.Start("web2", ["--role", "web"], environment);
        await Task.WhenAll(worker.WaitReadyAsync(), web1.WaitReadyAsync(), web2.WaitReadyAsync());

        // A drafter on web1 prepares a statement and invites a thousand organisations in one CSV.
        var drafter = await ApiClient.SignedInClientAsync(web1.Http.BaseAddress!, Path.Combine(dataDirectory, "mail-pickup"));
        var statement = await drafter.CreateStatementAsync(title: "A thousand voices");
        var id = statement.Id;
        // Open first: a draft's invitations are held, and their links handed over only once it opens.
        await drafter.OpenAsync(id);
        var csv = new StringBuilder("name,email\n");
        for (var i = 1; i <= Signatures; i++) csv.Append($"Organisation number {OrganisationNames.InWords(i)},org{i}@example.org\n");
        var bulk = await drafter.PostAsync($"/api/statements/{id}/invitations/bulk?handOverLinks=true",
            new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        var report = await bulk.JsonAsync();
        Assert.True(bulk.IsSuccessStatusCode, report.ToJsonString());
        var tokens = report["rows"]!.AsArray().Select(r => r!["token"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal(Signatures, tokens.Count);

        // A thousand signatures at once, alternating between the two web processes.
        using var gate = new SemaphoreSlim(InFlight);
        var clock = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(tokens.Select(async (token, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var http = i % 2 == 0 ? web1.Http : web2.Http;
                // A process that cannot take a signature at once refuses it (503, Retry-After) before doing anything: the
                // signer's client tries again when told, as a browser's user would.
                for (var attempt = 1; ; attempt++)
                {
                    using var answer = await http.PostAsync($"/api/invitations/{token}/sign",
                        System.Net.Http.Json.JsonContent.Create(new { signerName = $"Signer {i}" }));
                    if (answer.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20) return answer.StatusCode;
                    await Task.Delay(answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                }
            }
            finally { gate.Release(); }
        }));
        clock.Stop();
        Assert.True(statuses.All(s => s == HttpStatusCode.Created),
            string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()} × {(int)g.Key}"))
                + $" in {clock.Elapsed.TotalSeconds:0.0} s");

        var options = new DbContextOptionsBuilder<WorkflowDb>().UseNpgsql(postgres).Options;
        var statementId = id;
        await using (var db = new WorkflowDb(options))
        {
            var numbers = await db.Signatures.Where(s => s.StatementId == statementId).Select(s => s.Number).OrderBy(n => n).ToListAsync();
            Assert.Equal(Enumerable.Range(1, Signatures), numbers);
        }

        // Each SignatureRecorded is in the audit log once, written with its signature by whichever web process took it.
        await using (var db = new WorkflowDb(options))
        {
            var audited = await db.AuditEntries.Where(a => a.StatementId == statementId && a.EventType.EndsWith("SignatureRecorded"))
                .Select(a => a.MessageId).ToListAsync();
            Assert.Equal(Signatures, audited.Count);
            Assert.Equal(Signatures, audited.Distinct().Count());
            Assert.Equal(Signatures, await db.OutboxMessages.CountAsync(m => m.Type.EndsWith("SignatureRecorded")));
        }
        // The worker handles each once, however often it was delivered.
        await Eventually.ReturnsAsync(async () =>
        {
            await using var db = new WorkflowDb(options);
            return await db.ProcessedMessages.CountAsync(
                p => p.Consumer == Workflow.Infrastructure.Email.DrafterNotificationConsumer.Name &&
                db.OutboxMessages.Any(m => m.MessageId == p.MessageId && m.Type.EndsWith("SignatureRecorded")));
        }, handled => handled >= Signatures, "the worker handles every signature", timeoutSeconds: 180);
    }
}
