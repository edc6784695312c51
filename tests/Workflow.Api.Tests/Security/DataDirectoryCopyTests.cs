using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;
using Workflow.Contracts;
using Workflow.Core.Endorsements;
using Workflow.Infrastructure.Email;

namespace Workflow.Api.Tests.Security;

/// <summary>
/// Someone who copies the data directory (the database and the data-protection keys beside it) after the e-mails went
/// out must find no link that still works: every secret lives only until its delivery.
/// </summary>
public sealed class DataDirectoryCopyTests
{
    private static readonly Regex MailedLink = new(@"http://workflow\.test/(?:sign|sign-on|join)/([A-Za-z0-9_-]{43})");
    // Tokens and data-protection payloads are both base64url: every long run of its alphabet is a candidate.
    private static readonly Regex Base64UrlRun = new("[A-Za-z0-9_-]{40,}");

    private static readonly string[] EventsWithLinks =
    [
        typeof(EndorsementRequested).FullName!, typeof(InvitationResent).FullName!, typeof(EndorsementReminderDue).FullName!,
        typeof(SignOnSubmitted).FullName!, typeof(CollaboratorInvited).FullName!, typeof(ReconfirmationRequested).FullName!,
    ];

    private static readonly string[] EmailConsumers =
        [InvitationEmailConsumer.Name, SignOnEmailConsumer.Name, CollaboratorEmailConsumer.Name, ReconfirmationEmailConsumer.Name];

    [Fact]
    public async Task A_copy_of_the_database_and_the_keys_taken_after_the_emails_went_out_holds_no_link_that_works()
    {
        await using var factory =
            WorkflowApiFactory.With(settings: new Dictionary<string, string?> { ["Reminders:PollInterval"] = "00:00:00.100" });
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Copied data directory");
        var id = statement.Id;
        await drafter.OpenAsync(id);

        // Invitations (their links also come back in the API's answer), a resend, a signature.
        var invited = new List<(Guid InvitationId, string Token)>();
        foreach (var n in Enumerable.Range(1, 3))
        {
            var invitation = await drafter.InviteAsync(id, $"Copied party {n}", null, $"CP{n}", "PE", $"copied{n}@example.org");
            invited.Add((invitation.InvitationId, invitation.Token!));
        }
        var resent = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations/{invited[2].InvitationId}/resend",
            new { handOverLink = true });
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var answeredTokens = invited.Select(i => i.Token).Append((await resent.JsonAsync()).Str("token")).ToList();
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(invited[0].Token)).StatusCode);

        // A sign-on through the public form, a co-drafter, a changed text (the signatory is asked to reconfirm), reminders.
        await drafter.PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK,
            (await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true })).StatusCode);
        var visitor = factory.CreateClient();
        var textHash = (await (await visitor.GetAsync($"/api/public/statements/{statement.Slug}/sign-on")).JsonAsync())["version"]
            .Str("textHash");
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsJsonAsync($"/api/public/statements/{statement.Slug}/sign-on", new
        {
            organisation = new { name = "Copied sign-on party", acronym = "CSP", country = "BO" },
            email = "copied-sign-on@example.org", signerName = "Ana Mamani", signerRole = "Secretaria", textHash, language = "es",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await drafter.PostAsJsonAsync($"/api/statements/{id}/members/invitations",
                new { email = "copied-editor@example.org", role = "Editor" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await drafter.PutAsJsonAsync($"/api/statements/{id}/draft", new
        {
            title = "Copied data directory", body = "We salute the mobilisations.\n\nWe call for solidarity, now.", baseVersion = 1,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await drafter.PutAsJsonAsync($"/api/statements/{id}/deadline",
            new { deadline = DateTimeOffset.UtcNow.AddDays(3) })).StatusCode);

        // Two reminders (the two pending invitations), and every e-mail with a link handled by its consumer.
        await Eventually.ReturnsAsync(
            () => factory.InDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.Type == typeof(EndorsementReminderDue).FullName)),
            n => n == 2, "both pending invitations were reminded");
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => db.OutboxMessages
                .Where(m => EventsWithLinks.Contains(m.Type))
                .CountAsync(m => !db.ProcessedMessages.Any(p => p.MessageId == m.MessageId && EmailConsumers.Contains(p.Consumer)))),
            n => n == 0, "every e-mail with a link went out");
        var mailedTokens = (await factory.MailsAsync()).SelectMany(m => MailedLink.Matches(m.TextBody ?? "").Select(l => l.Groups[1].Value))
            .ToList();
        // 3 invitations, 1 resend, 1 sign-on confirmation, 1 co-drafter, 1 reconfirmation, 2 reminders.
        Assert.Equal(9, mailedTokens.Distinct().Count());
        var tokens = mailedTokens.Concat(answeredTokens).ToHashSet();

        var copy = Path.Combine(Path.GetTempPath(), "workflow-tests", "copy-" + Guid.NewGuid().ToString("N"));
        try
        {
            await AssertNoLinkRecoverableAsync(factory, copy, tokens, answeredTokens[0]);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static async Task AssertNoLinkRecoverableAsync(WorkflowApiFactory factory, string copy, HashSet<string> tokens,
        string someToken)
    {
        CopyDirectory(Path.Combine(factory.DataDirectory, "keys"), Path.Combine(copy, "keys"));
        var keys = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(copy, "keys")), b => b.SetApplicationName("Workflow"))
            .CreateProtector(DataProtectedLinkTokens.EmailPurpose);
        // The service really protects links with these keys: the scan below would find a protected token.
        Assert.Equal(someToken,
            keys.Unprotect(factory.Services.GetRequiredService<Workflow.Core.Common.ILinkTokens>().Of(someToken).ProtectedForEmail));

        var findings = new List<string>();
        await using (var connection = await OpenCopyAsync(factory, copy))
        {
            foreach (var table in await TablesAsync(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var column = 0; column < reader.FieldCount; column++)
                    {
                        var text = reader.IsDBNull(column) ? null : reader.GetValue(column) switch
                        {
                            string s => s,
                            byte[] bytes => Encoding.UTF8.GetString(bytes),
                            _ => null,
                        };
                        if (text is null) continue;
                        var where = $"{table}.{reader.GetName(column)}";
                        findings.AddRange(tokens.Where(text.Contains).Select(t => $"{where} holds the token {t}"));
                        foreach (Match candidate in Base64UrlRun.Matches(text))
                            if (TryUnprotect(keys, candidate.Value) is { } secret)
                                findings.Add($"{where} holds a protected token that opens to {secret}" +
                                    $"{(tokens.Contains(secret) ? " (a mailed link)" : "")}");
                    }
                }
            }
        }
        // Nor in what the files keep of rows as they were before (free space in pages, the write-ahead log).
        foreach (var file in Directory.GetFiles(copy, "workflow.db*"))
        {
            var bytes = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
            findings.AddRange(tokens.Where(bytes.Contains).Select(t => $"the file {Path.GetFileName(file)} holds the token {t}"));
            foreach (Match candidate in Base64UrlRun.Matches(bytes))
                if (TryUnprotect(keys, candidate.Value) is { } secret)
                    findings.Add($"the file {Path.GetFileName(file)} holds a protected token that opens to {secret}" +
                        $"{(tokens.Contains(secret) ? " (a mailed link)" : "")}");
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task Tokens_an_earlier_version_left_in_the_outbox_after_their_email_are_erased_at_the_next_start()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        string token;
        await using (var before = WorkflowApiFactory.With(dataDirectory))
        {
            var drafter = await before.SignedInClientAsync();
            var id = (await drafter.CreateStatementAsync(title: "Before the upgrade")).Id;
            await drafter.OpenAsync(id);
            token = (await drafter.InviteAsync(id, email: "before-upgrade@example.org")).Token!;
            await before.LinkFromMailAsync("before-upgrade@example.org", "/sign");
            // As an earlier version left it: the e-mail sent, the protected token still in the event's row.
            var protectedToken = before.Services.GetRequiredService<Workflow.Core.Common.ILinkTokens>().Of(token).ProtectedForEmail;
            await Eventually.ReturnsAsync(
                () => before.InDatabaseAsync(db => db.ProcessedMessages.AnyAsync(p => p.Consumer == InvitationEmailConsumer.Name)),
                done => done, "the invitation e-mail is recorded as sent");
            await before.InDatabaseAsync(async db =>
            {
                var row = await db.OutboxMessages.SingleAsync(m => m.Type == typeof(EndorsementRequested).FullName);
                row.Payload = row.Payload.Replace("\"protectedSigningToken\":\"\"", $"\"protectedSigningToken\":\"{protectedToken}\"");
                Assert.Contains(protectedToken, row.Payload);
                return await db.SaveChangesAsync();
            });
        }

        await using var after = WorkflowApiFactory.With(dataDirectory);
        var payload = await after.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.Type == typeof(EndorsementRequested).FullName)
            .Select(m => m.Payload).SingleAsync());
        Assert.Contains("\"protectedSigningToken\":\"\"", payload);
        Assert.DoesNotContain("CfDJ8", payload);
        // The link itself still works: only the copy in the outbox is gone.
        Assert.Equal(HttpStatusCode.OK, (await after.CreateClient().GetAsync($"/api/invitations/{token}")).StatusCode);
    }

    private static string? TryUnprotect(IDataProtector keys, string candidate)
    {
        try
        {
            return keys.Unprotect(candidate);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The copy of the database: the SQLite file (with its write-ahead log) copied from the data directory; on PostgreSQL, the
    /// database itself, as a dump would give it.
    /// </summary>
    private static async Task<DbConnection> OpenCopyAsync(WorkflowApiFactory factory, string copy)
    {
        DbConnection connection;
        if (TestDatabase.IsPostgreSql)
        {
            connection = new Npgsql.NpgsqlConnection(factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("Workflow"));
        }
        else
        {
            foreach (var file in Directory.GetFiles(factory.DataDirectory, "workflow.db*"))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            connection = new SqliteConnection($"Data Source={Path.Combine(copy, "workflow.db")};Pooling=False");
        }
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> TablesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = TestDatabase.IsPostgreSql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Contains("OutboxMessages", tables);
        return tables;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
