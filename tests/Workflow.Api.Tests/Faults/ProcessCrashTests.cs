using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Faults;

/// <summary>
/// kill -9 of the built service in the middle of a signing load on PostgreSQL, then a restart on the same database:
/// every signature a client was told about (201) is there, none twice, the list is numbered without gaps, the chain
/// verifies and each signature's event is audited once. On the suite's own PostgreSQL (Support/Servers).
/// </summary>
public sealed class ProcessCrashTests
{
    private const int Invitations = 400;

    [Fact]
    public async Task Every_acknowledged_signature_survives_a_kill_9_during_a_signing_load_and_none_is_recorded_twice()
    {
        var database = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = $"workflow_crash_{Guid.NewGuid():N}" }
            .ConnectionString;
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Workflow"] = database,
            ["DataDirectory"] = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N")),
            ["Seeds__ImportOnStartup"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var first = ServiceProcess.Start("before the crash", [], environment);
        await first.WaitReadyAsync();
        var drafter = await ApiClient.SignedInClientAsync(first.Http.BaseAddress!,
            Path.Combine(environment["DataDirectory"], "mail-pickup"));
        var statement = await drafter.CreateStatementAsync(title: "Signed through a crash");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var csv = new StringBuilder("name,email\n");
        for (var i = 0; i < Invitations; i++) csv.Append($"Crash organisation {OrganisationNames.InWords(i)},crash{i}@example.org\n");
        var bulk = await (await drafter.PostAsync($"/api/statements/{id}/invitations/bulk?handOverLinks=true",
            new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).JsonAsync();
        var tokens = new ConcurrentQueue<string>(bulk["rows"]!.AsArray().Select(r => r!["token"]?.GetValue<string>()).OfType<string>());
        Assert.Equal(Invitations, tokens.Count);

        // Sixteen signers at once; the process is killed once a hundred have been acknowledged.
        var acknowledged = new ConcurrentDictionary<string, int>();
        var crashed = new TaskCompletionSource();
        async Task Signer()
        {
            while (!crashed.Task.IsCompleted && tokens.TryDequeue(out var token))
            {
                try
                {
                    var answer = await first.Http.PostAsJsonAsync($"/api/invitations/{token}/sign", new { signerName = "Under load" });
                    if (answer.StatusCode == HttpStatusCode.Created)
                        acknowledged[token] = (await answer.JsonAsync())["number"]!.GetValue<int>();
                    if (acknowledged.Count >= 100 && crashed.TrySetResult()) first.Crash();
                }
                catch (HttpRequestException) { return; } // the process is gone
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(Signer)));
        Assert.True(crashed.Task.IsCompleted, "the load ended before the crash");
        first.Dispose();

        await using var second = ServiceProcess.Start("after the restart", [], environment);
        await second.WaitReadyAsync();
        await using var data = new NpgsqlConnection(database);
        await data.OpenAsync();
        var signatures = new List<(Guid Invitation, int Number)>();
        await using (var query = new NpgsqlCommand(
            """SELECT "EndorsementRequestId", "Number" FROM "Signatures" WHERE "StatementId" = @id""", data))
        {
            query.Parameters.AddWithValue("id", id);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) signatures.Add((reader.GetGuid(0), reader.GetInt32(1)));
        }
        // Every acknowledged signature is there with the number its receipt gave; none twice; numbers 1..n without a gap.
        Assert.True(signatures.Count >= acknowledged.Count, $"{acknowledged.Count} acknowledged, {signatures.Count} stored");
        Assert.Equal(signatures.Count, signatures.Select(s => s.Invitation).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, signatures.Count), signatures.Select(s => s.Number).Order());
        var stored = signatures.Select(s => s.Number).ToHashSet();
        Assert.All(acknowledged.Values, number => Assert.Contains(number, stored));

        // The list is whole: signing goes on after the restart, and the published chain verifies.
        Assert.True(tokens.TryDequeue(out var later));
        Assert.Equal(HttpStatusCode.Created,
            (await second.Http.PostAsJsonAsync($"/api/invitations/{later}/sign", new { signerName = "After the restart" })).StatusCode);
        // The drafter's bearer token from before the crash still works: the keys live in the data directory.
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/statements/{id}/publish");
        publish.Headers.Authorization = drafter.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await second.Http.SendAsync(publish)).StatusCode);
        var verification = await (await second.Http.GetAsync($"/api/public/statements/{statement.Slug}/verify")).JsonAsync();
        Assert.True(verification["holds"]!.GetValue<bool>(), verification.ToJsonString());

        // Each signature's event is in the audit log once, written with it; and it reaches its consumer once (the outbox republishes
        // what the crash left unsent, the inbox drops what it had handled).
        await using (var count = new NpgsqlCommand("""SELECT COUNT(*), COUNT(DISTINCT "MessageId") FROM "AuditEntries" WHERE "StatementId" = @id AND "EventType" LIKE '%SignatureRecorded'""", data))
        {
            count.Parameters.AddWithValue("id", id);
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal(signatures.Count + 1, reader.GetInt64(0));
            Assert.Equal(signatures.Count + 1, reader.GetInt64(1));
        }
        await Eventually.ReturnsAsync(async () =>
        {
            await using var count = new NpgsqlCommand("""
                SELECT COUNT(*) FROM "ProcessedMessages" p JOIN "OutboxMessages" m ON m."MessageId" = p."MessageId"
                WHERE p."Consumer" = 'drafter-notifications' AND m."Type" LIKE '%SignatureRecorded' AND m."Payload" LIKE '%' || @id || '%'
                """, data);
            count.Parameters.AddWithValue("id", id);
            return (long)(await count.ExecuteScalarAsync())!;
        }, handled => handled == signatures.Count + 1, "every signature's event is handled exactly once", timeoutSeconds: 120);
    }
}
