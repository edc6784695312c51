using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Workflow.Api.Tests.Support;
using Workflow.Core.Statements;

namespace Workflow.Api.Tests.Faults;

/// <summary>
/// PostgreSQL goes away under a running service (a proxy between them drops every connection and refuses new ones) and
/// comes back: meanwhile every request is 503 with Retry-After — never a 500, never details — the service stays live
/// but not ready, and it recovers by itself. On the suite's own PostgreSQL (Support/Servers), whatever the suite's database.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_away_requests_get_503_with_retry_after_and_the_service_recovers_by_itself()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
        await using var proxy = new TcpProxy(server.Host ?? "localhost", server.Port);
        server.Host = "127.0.0.1";
        server.Port = proxy.Port;
        server.Database = $"workflow_outage_{Guid.NewGuid():N}";
        server.Timeout = 3;
        server.CommandTimeout = 5;
        await using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Workflow"] = server.ConnectionString,
        });
        var drafter = await factory.SignedInClientAsync();
        var before = await drafter.CreateStatementAsync(title: "Before the outage");
        var pages = PageBrowser.Open(factory);
        Assert.Equal(HttpStatusCode.OK, (await pages.Client.GetAsync("/statements")).StatusCode);

        proxy.Cut();

        var answers = new[]
        {
            await drafter.GetAsync("/api/statements"),
            await drafter.PostAsJsonAsync("/api/statements", new { title = "During the outage", body = "Text.", language = "en",
                allowsFurtherSignatories = true }),
            await drafter.GetAsync($"/api/statements/{before.Id}"),
            await factory.CreateClient().GetAsync("/api/public/statements"),
            await pages.Client.GetAsync("/statements?page=outage"),
            await factory.CreateClient().PostAsJsonAsync("/api/auth/login",
                new { email = "someone@example.org", password = ApiClient.Password }),
        };
        foreach (var answer in answers)
        {
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.ServiceUnavailable,
                $"{answer.RequestMessage!.Method} {answer.RequestMessage.RequestUri}: {(int)answer.StatusCode} {body}");
            Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{answer.RequestMessage.RequestUri}: no Retry-After");
            Assert.DoesNotContain("Npgsql", body);
            Assert.DoesNotContain("Exception", body);
        }
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        proxy.Restore();

        await Eventually.ReturnsAsync(async () => (await client.GetAsync("/health/ready")).StatusCode,
            status => status == HttpStatusCode.OK, "the service is ready again once the database is back", timeoutSeconds: 30);
        var after = await Eventually.ReturnsAsync(async () => await drafter.PostAsJsonAsync("/api/statements",
                new { title = "After the outage", body = "Text.", language = "en", allowsFurtherSignatories = true }),
            response => response.StatusCode == HttpStatusCode.Created, "writes work again", timeoutSeconds: 30);
        var listed = await drafter.AnswerAsync<IReadOnlyList<StatementSummary>>("/api/statements");
        Assert.Equal(["After the outage", "Before the outage"], listed.Select(s => s.Title).Order().ToArray());
        // The outbox goes on: the event of the statement made after the outage is published.
        var id = (await after.ReadAsAsync<StatementDetails>()).Id;
        Assert.Equal(1, await factory.InDatabaseAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.StatementId == id))));
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => Task.FromResult(db.OutboxMessages.Count(m => m.SentAt == null))),
            unsent => unsent == 0, "events flow again after the outage", timeoutSeconds: 60);
    }
}
