using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Xunit.Abstractions;

namespace Workflow.Api.Tests.Pages;

/// <summary>The signatures page through the real pipeline: the table, its filters and export, and the owners' corrections.</summary>
public sealed partial class SignaturesPageTests(WorkflowApiFactory factory, ITestOutputHelper output) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task The_table_sorts_and_filters_through_the_query_string()
    {
        var (owner, api, id) = await OpenStatementAsync();
        var zeta = await RecordAsync(api, id, "Zeta Union", signerName: "Ana Zapata", note: "by e-mail");
        var alfa = await RecordAsync(api, id, "Alfa Front", signerName: "Bruno Alves");
        await RecordAsync(api, id, "Партия Труда", signerName: "Иван Петров", source: "Pravda, 3 March 2026");
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/statements/{id}/signatures/{alfa}/invalidate",
            new { reason = "Duplicate", note = "Twice on the list" })).StatusCode);
        var path = $"/drafts/{id}/signatures";

        Assert.Equal(["Zeta Union", "Alfa Front", "Партия Труда"], Organisations(await owner.GetHtmlAsync(path)));
        Assert.Equal(["Alfa Front", "Zeta Union", "Партия Труда"], Organisations(await owner.GetHtmlAsync(path + "?sort=Organisation")));
        Assert.Equal(["Партия Труда", "Zeta Union", "Alfa Front"],
            Organisations(await owner.GetHtmlAsync(path + "?sort=Organisation&desc=true")));
        Assert.Equal(["Zeta Union", "Alfa Front", "Партия Труда"], Organisations(await owner.GetHtmlAsync(path + "?sort=Signer")));
        Assert.Equal(["Alfa Front"], Organisations(await owner.GetHtmlAsync(path + "?status=Invalidated")));
        Assert.Equal(["Zeta Union", "Партия Труда"], Organisations(await owner.GetHtmlAsync(path + "?status=Active")));
        Assert.Equal(["Партия Труда"], Organisations(await owner.GetHtmlAsync(path + "?provenance=Imported")));
        Assert.Equal(["Партия Труда"], Organisations(await owner.GetHtmlAsync(path + "?q=%D0%BF%D0%B0%D1%80%D1%82%D0%B8%D1%8F")));
        Assert.Empty(Organisations(await owner.GetHtmlAsync(path + "?awaiting=true")));

        // The text changes: the standing signatures await re-confirmation until (here for one recorded by the drafters) it is given.
        var revised = await api.PutAsJsonAsync($"/api/statements/{id}/draft",
            new { title = "Signatures table", body = "The text, changed after the signatures.", baseVersion = 1 });
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/statements/{id}/signatures/{zeta}/reconfirm",
            new { textHash = (await revised.JsonAsync()).Str("textHash") })).StatusCode);
        var awaiting = WebUtility.HtmlDecode(await owner.GetHtmlAsync(path + "?awaiting=true"));
        Assert.Equal(["Партия Труда"], Organisations(awaiting));
        Assert.Contains("awaiting re-confirmation of version 2", awaiting);
        Assert.Contains("re-confirmed version 2", WebUtility.HtmlDecode(await owner.GetHtmlAsync(path + "?q=zeta")));
        Assert.Equal(["Alfa Front", "Партия Труда", "Zeta Union"], Organisations(await owner.GetHtmlAsync(path + "?sort=Reconfirmation")));

        var invalidated = WebUtility.HtmlDecode(await owner.GetHtmlAsync(path + "?status=Invalidated"));
        Assert.Contains("Invalidated: a duplicate", invalidated);
        Assert.Contains("Twice on the list", invalidated);
        // The shared address keeps the filter in the sort links and the export.
        Assert.Contains("href=\"/drafts/" + id + "/signatures?status=Invalidated&handler=Csv\"", invalidated);
        Assert.Contains("href=\"/drafts/" + id + "/signatures?status=Invalidated&sort=Organisation\"", invalidated);

        var imported = WebUtility.HtmlDecode(await owner.GetHtmlAsync(path + "?provenance=Imported"));
        Assert.Contains("imported from a published source: Pravda, 3 March 2026", imported);

        // What a client can send wrong is a 400, never a 500.
        await owner.GetHtmlAsync(path + "?sort=Nonsense", HttpStatusCode.BadRequest);
        await owner.GetHtmlAsync(path + "?status=Lost", HttpStatusCode.BadRequest);
        await owner.GetHtmlAsync(path + "?page=999", HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_csv_export_opens_in_any_script_and_neutralises_formulas()
    {
        var (owner, api, id) = await OpenStatementAsync();
        await RecordAsync(api, id, "الحزب الشيوعي", signerName: "Ахмед Иванов");
        await RecordAsync(api, id, "Партия Труда", signerName: "-2+3", signerRole: "=HYPERLINK(\"http://evil.example\",\"x\")");
        await RecordAsync(api, id, "Frente \"Unido\", Sur", signerName: "@SUM(A1)");

        var response = await owner.Client.GetAsync($"/drafts/{id}/signatures?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        // RFC 4180: CRLF line ends, a field with a quote or comma quoted, its quotes doubled.
        Assert.Contains("\"Frente \"\"Unido\"\", Sur\"", text);
        Assert.Contains("\r\n", text);

        var rows = ReadCsv(text);
        Assert.Equal(["No.", "Organisation", "Name in English", "Acronym", "Country", "Signer", "Role", "E-mail", "Signed on",
            "Version signed",
            "Current version", "Re-confirmation", "How it came about", "Status"], rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.Equal("الحزب الشيوعي", rows[1][1]);
        Assert.Equal("Ахмед Иванов", rows[1][5]);
        Assert.Equal("Партия Труда", rows[2][1]);
        Assert.Equal("'-2+3", rows[2][5]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"x\")", rows[2][6]);
        Assert.Equal("'@SUM(A1)", rows[3][5]);
        Assert.Equal("Frente \"Unido\", Sur", rows[3][1]);
        Assert.All(rows.Skip(1), r => Assert.Equal("Valid", r[13]));

        // The export is of the view: filtered as the page is.
        var filtered = ReadCsv(Encoding.UTF8.GetString(
            (await owner.Client.GetByteArrayAsync($"/drafts/{id}/signatures?q=%D0%BF%D0%B0%D1%80%D1%82%D0%B8%D1%8F&handler=Csv"))[3..]));
        Assert.Equal(2, filtered.Count);
        Assert.Equal("Партия Труда", filtered[1][1]);
    }

    [Fact]
    public async Task A_signature_recorded_on_the_page_appears_with_how_it_came_about()
    {
        var (owner, _, id) = await OpenStatementAsync();
        var path = $"/drafts/{id}/signatures";
        var recorded = await owner.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Record.Name"] = "Sindicato Único de Trabajadores", ["Record.Country"] = "PE", ["Record.SignerName"] = "Rosa Huamán",
            ["Record.SignerRole"] = "Secretaria general", ["Record.Method"] = "Paper", ["Record.Detail"] = "congress of 3 March",
            ["Record.SignedOn"] = "2026-03-03",
        }, "Record");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var html = WebUtility.HtmlDecode(await owner.GetHtmlAsync(path));
        Assert.Equal(["Sindicato Único de Trabajadores"], Organisations(html));
        Assert.Contains("recorded by the drafters: on paper: congress of 3 March", html);
        Assert.Contains("Rosa Huamán", html);
        Assert.Contains("Secretaria general", html);
        Assert.Contains("3 March 2026", html);
        Assert.Contains("Recorded: Sindicato Único de Trabajadores is number 1 on the list.", html);

        var undated = await owner.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Record.Name"] = "Frente Sur", ["Record.Method"] = "Email", ["Record.DateUnknown"] = "true",
        }, "Record");
        Assert.Equal(HttpStatusCode.Redirect, undated.StatusCode);
        html = WebUtility.HtmlDecode(await owner.GetHtmlAsync(path + "?q=sur"));
        Assert.Contains("recorded by the drafters: by e-mail", html);
        Assert.Contains("date not known", html);

        // A published source must be named; the form comes back with the reason and what was typed.
        var unnamed = await owner.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Record.Name"] = "Partido del Trabajo", ["Record.Method"] = "PublishedSource",
        }, "Record");
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        var again = WebUtility.HtmlDecode(await unnamed.Content.ReadAsStringAsync());
        Assert.Contains("Name the published source the signature is taken from.", again);
        Assert.Contains("value=\"Partido del Trabajo\"", again);
    }

    [Fact]
    public async Task Correcting_a_name_and_invalidating_need_a_confirmation_show_on_the_page_and_are_audited()
    {
        var (owner, api, id) = await OpenStatementAsync();
        var signature = await RecordAsync(api, id, "Partdo Comunista", signerName: "Luis Pérez");
        var change = $"/drafts/{id}/signatures?change={signature}";

        var unconfirmed = await owner.SubmitAsync(change, new Dictionary<string, string>
        {
            ["signatureId"] = signature, ["Correct.Name"] = "Partido Comunista",
        }, "Correct");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm the correction.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        Assert.Contains("Partdo Comunista",
            await (await api.GetAsync($"/api/statements/{id}/signatures/{signature}")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(change, new Dictionary<string, string>
        {
            ["signatureId"] = signature, ["Correct.Name"] = "Partido Comunista", ["Correct.Acronym"] = "PC", ["Correct.Confirm"] = "true",
        }, "Correct")).StatusCode);
        var html = WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/drafts/{id}/signatures"));
        Assert.Contains("Number 1 is now shown as Partido Comunista.", html);
        Assert.Equal(["Partido Comunista"], Organisations(html));

        var noReason = await owner.SubmitAsync(change, new Dictionary<string, string>
        {
            ["signatureId"] = signature, ["Invalidate.Confirm"] = "true",
        }, "Invalidate");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var notConfirmed = await owner.SubmitAsync(change, new Dictionary<string, string>
        {
            ["signatureId"] = signature, ["Invalidate.Reason"] = "NotGenuine",
        }, "Invalidate");
        Assert.Equal(HttpStatusCode.BadRequest, notConfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm the invalidation.", WebUtility.HtmlDecode(await notConfirmed.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(change, new Dictionary<string, string>
        {
            ["signatureId"] = signature, ["Invalidate.Reason"] = "NotGenuine", ["Invalidate.Note"] = "Nobody at the party sent it",
            ["Invalidate.Confirm"] = "true",
        }, "Invalidate")).StatusCode);
        html = WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/drafts/{id}/signatures"));
        Assert.Contains("Number 1 (Partido Comunista) is invalidated.", html);
        Assert.Contains("Invalidated: not genuine", html);
        Assert.Contains("Nobody at the party sent it", html);

        var audit = await Eventually.ReturnsAsync(async () => await (await api.GetAsync($"/api/statements/{id}/audit")).JsonArrayAsync(),
            entries => entries.Any(e => e.Str("eventType") == "SignatureInvalidated")
                && entries.Any(e => e.Str("eventType") == "SignatoryNameCorrected"),
            "the correction and the invalidation are in the audit log");
        Assert.Contains("NotGenuine", audit.Single(e => e.Str("eventType") == "SignatureInvalidated")!.ToJsonString());
    }

    [Fact]
    public async Task A_viewer_sees_no_addresses_and_no_controls_and_may_not_change_anything()
    {
        var (owner, api, id) = await OpenStatementAsync();
        var signerEmail = $"signer-{Guid.NewGuid():N}@example.org";
        var invitation = await api.InviteAsync(id, "Frente Privado", null, null, "PE", signerEmail);
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(invitation.Token!)).StatusCode);
        var signature = (await (await api.GetAsync($"/api/statements/{id}/signatures")).JsonArrayAsync()).Single()!.Str("id");

        var seenByOwner = WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/drafts/{id}/signatures"));
        Assert.Contains(signerEmail, seenByOwner);
        Assert.Contains("signed through an invitation link the drafters handed over, first sent to an address at example.org", seenByOwner);
        Assert.Contains("Correct or invalidate", seenByOwner);
        Assert.Contains(signerEmail, Encoding.UTF8.GetString(await owner.Client.GetByteArrayAsync($"/drafts/{id}/signatures?handler=Csv")));

        var viewer = await JoinAsync(api, id, "Viewer");
        var seenByViewer = WebUtility.HtmlDecode(await viewer.GetHtmlAsync($"/drafts/{id}/signatures?change={signature}"));
        Assert.Contains("Frente Privado", seenByViewer);
        Assert.DoesNotContain(signerEmail, seenByViewer);
        Assert.DoesNotContain("Correct or invalidate", seenByViewer);
        Assert.DoesNotContain("Record a signature gathered elsewhere", seenByViewer);
        Assert.DoesNotContain("Invalidate this signature", seenByViewer);
        var csv = Encoding.UTF8.GetString(await viewer.Client.GetByteArrayAsync($"/drafts/{id}/signatures?handler=Csv"));
        Assert.DoesNotContain(signerEmail, csv);
        Assert.DoesNotContain("E-mail", csv);

        // The requests refuse what the page does not offer.
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageBrowser.TokenIn(await viewer.GetHtmlAsync($"/drafts/{id}/signatures")),
            ["signatureId"] = signature, ["Invalidate.Reason"] = "NotGenuine", ["Invalidate.Confirm"] = "true",
        });
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.Client.PostAsync($"/drafts/{id}/signatures?handler=Invalidate", form)).StatusCode);
        Assert.Contains("\"Active\"",
            await (await api.GetAsync($"/api/statements/{id}/signatures/{signature}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Crafted_form_values_are_client_errors_never_server_errors()
    {
        var (owner, api, id) = await OpenStatementAsync();
        var signature = await RecordAsync(api, id, "Frente Crafted");
        var path = $"/drafts/{id}/signatures";
        var answers = new List<(string What, HttpStatusCode Status, HttpStatusCode Expected)>
        {
            ("a record without an organisation", (await owner.SubmitAsync(path,
                new Dictionary<string, string> { ["Record.SignerName"] = "Ana" }, "Record")).StatusCode, HttpStatusCode.BadRequest),
            ("a date that is not one", (await owner.SubmitAsync(path, new Dictionary<string, string> { ["Record.Name"] = "X",
                ["Record.SignedOn"] = "soon" }, "Record")).StatusCode, HttpStatusCode.BadRequest),
            ("a date in the future", (await owner.SubmitAsync(path, new Dictionary<string, string> { ["Record.Name"] = "Frente Futuro",
                ["Record.SignedOn"] = "2999-01-01" }, "Record")).StatusCode, HttpStatusCode.BadRequest),
            ("an unknown way of gathering", (await owner.SubmitAsync(path, new Dictionary<string, string> { ["Record.Name"] = "X",
                ["Record.Method"] = "Pigeon" }, "Record")).StatusCode, HttpStatusCode.BadRequest),
            ("an empty corrected name", (await owner.SubmitAsync(path, new Dictionary<string, string> { ["signatureId"] = signature,
                ["Correct.Name"] = "", ["Correct.Confirm"] = "true" }, "Correct")).StatusCode, HttpStatusCode.BadRequest),
            ("a reason out of the list", (await owner.SubmitAsync(path, new Dictionary<string, string> { ["signatureId"] = signature,
                ["Invalidate.Reason"] = "99", ["Invalidate.Confirm"] = "true" }, "Invalidate")).StatusCode, HttpStatusCode.BadRequest),
            ("a signature id that is not one", (await owner.SubmitAsync(path,
                new Dictionary<string, string> { ["signatureId"] = "x", ["Invalidate.Reason"] = "Duplicate",
                ["Invalidate.Confirm"] = "true" }, "Invalidate")).StatusCode, HttpStatusCode.BadRequest),
            ("an unknown signature", (await owner.SubmitAsync(path,
                new Dictionary<string, string> { ["signatureId"] = Guid.NewGuid().ToString(), ["Invalidate.Reason"] = "Duplicate",
                ["Invalidate.Confirm"] = "true" }, "Invalidate")).StatusCode, HttpStatusCode.NotFound),
            ("an unknown signature to change", (await owner.Client.GetAsync($"{path}?change={Guid.NewGuid()}")).StatusCode,
                HttpStatusCode.NotFound),
        };
        Assert.All(answers, a => Assert.True(a.Status == a.Expected, $"{a.What}: {(int)a.Status}"));
    }

    [Fact]
    public async Task Hostile_names_render_as_text()
    {
        var (owner, api, id) = await OpenStatementAsync();
        await RecordAsync(api, id, "<script>alert(1)</script> Front", signerName: "<img src=x onerror=alert(2)>",
            signerRole: "\" onmouseover=\"alert(3)");
        var html = await owner.GetHtmlAsync($"/drafts/{id}/signatures");
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("\" onmouseover=\"alert(3)", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Front", html);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html);
    }

    /// <summary>
    /// Ten thousand signatures (copied in the database from one recorded through the API): the page shows one hundred at a time,
    /// sorted and filtered over all of them, and the export has them all. The times are written to the test output.
    /// </summary>
    [Fact]
    public async Task Ten_thousand_signatures_are_shown_a_page_at_a_time_and_exported_whole()
    {
        const int count = 10_000;
        var (owner, api, id) = await OpenStatementAsync();
        var template = await RecordAsync(api, id, "Organisation", signerName: "Signer");
        await CopySignaturesAsync(id, Guid.Parse(template), count - 1);
        var path = $"/drafts/{id}/signatures";
        await owner.GetHtmlAsync(path); // warm

        var clock = Stopwatch.StartNew();
        var first = WebUtility.HtmlDecode(await owner.GetHtmlAsync(path));
        var firstPage = clock.Elapsed;
        Assert.Equal(100, Organisations(first).Count);
        Assert.Contains($"{count} of {count} signatures shown · page 1 of 100", first);

        clock.Restart();
        var sorted = WebUtility.HtmlDecode(await owner.GetHtmlAsync(path + "?sort=Organisation&desc=true&page=2"));
        var sortedPage = clock.Elapsed;
        var names = Organisations(sorted);
        Assert.Equal(100, names.Count);
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), true)), names);
        Assert.Contains("page 2 of 100", sorted);

        clock.Restart();
        var filtered = WebUtility.HtmlDecode(await owner.GetHtmlAsync(path + "?q=Organisation%20999"));
        var filteredPage = clock.Elapsed;
        // "Organisation 999" and "Organisation 9990" to "Organisation 9999" (the copies are numbered 1 to 9999).
        Assert.Contains($"11 of {count} signatures shown", filtered);

        clock.Restart();
        var csv = await owner.Client.GetByteArrayAsync(path + "?handler=Csv");
        var export = clock.Elapsed;
        Assert.Equal(count + 1, ReadCsv(Encoding.UTF8.GetString(csv[3..])).Count);

        output.WriteLine(
            $"{count} signatures: first page {firstPage.TotalMilliseconds:F0} ms, sorted page 2 {sortedPage.TotalMilliseconds:F0} ms, " +
            $"filtered {filteredPage.TotalMilliseconds:F0} ms, CSV of all {export.TotalMilliseconds:F0} ms ({csv.Length / 1024} KB)");
    }

    private async Task<(PageBrowser Owner, HttpClient Api, Guid Id)> OpenStatementAsync()
    {
        var owner = PageBrowser.Open(factory);
        var email = await owner.RegisterAsync();
        var api = await factory.SignedInClientAsync(email, register: false);
        var id = (await api.CreateStatementAsync(title: "Signatures table")).Id;
        await api.OpenAsync(id);
        return (owner, api, id);
    }

    private static async Task<string> RecordAsync(HttpClient api, Guid id, string name, string? signerName = null,
        string? signerRole = null,
        string? note = null, string? source = null)
    {
        var response = await api.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name, registerAsNew = true }, signerName, signerRole, note, source });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Str("signatureId");
    }

    private async Task<PageBrowser> JoinAsync(HttpClient api, Guid id, string role)
    {
        var member = PageBrowser.Open(factory);
        var email = await member.RegisterAsync();
        Assert.Equal(HttpStatusCode.Created,
            (await api.PostAsJsonAsync($"/api/statements/{id}/members/invitations", new { email, role })).StatusCode);
        var join = await Drafting.CoDrafting.LinkFromMailAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK,
            (await (await factory.SignedInClientAsync(email, register: false)).PostAsync($"{join}/accept", null)).StatusCode);
        return member;
    }

    /// <summary>Copies a signature and its organisation in SQL, numbered on from it: far faster than signing ten thousand times.</summary>
    private Task CopySignaturesAsync(Guid statementId, Guid templateId, int copies) => factory.InDatabaseAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var template = await db.Signatures.AsNoTracking().SingleAsync(s => s.Id == templateId);
        async Task<List<string>> ColumnsOf(string table)
        {
            var columns = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = TestDatabase.IsPostgreSql
                ? $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"
                : $"SELECT name FROM pragma_table_info('{table}')";
            using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
            return columns;
        }
        string Copy(string table, List<string> columns, Dictionary<string, string> replaced, string where) =>
            $"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {copies}) " +
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"SELECT {string.Join(", ", columns.Select(c => replaced.GetValueOrDefault(c, $"t.\"{c}\"")))} " +
            $"FROM \"{table}\" t, seq WHERE {where}";
        string Guid(string prefix) => TestDatabase.IsPostgreSql
            ? $"CAST('{prefix}' || lpad(upper(to_hex(n)), 12, '0') AS uuid)"
            : $"printf('{prefix}%012X', n)";
        var organisationId = Guid("00000000-0000-4000-8000-");
        await db.Database.ExecuteSqlRawAsync(Copy("Organisations", await ColumnsOf("Organisations"), new()
        {
            ["Id"] = organisationId, ["Name"] = "t.\"Name\" || ' ' || n", ["NameKey"] = "t.\"NameKey\" || n",
            ["NameSkeleton"] = "t.\"NameSkeleton\" || n",
        }, $"t.\"Id\" = '{template.OrganisationId.ToString().ToUpperInvariant()}'"));
        await db.Database.ExecuteSqlRawAsync(Copy("Signatures", await ColumnsOf("Signatures"), new()
        {
            ["Id"] = Guid("00000000-0001-4000-8000-"), ["OrganisationId"] = organisationId, ["Number"] = "t.\"Number\" + n",
            ["DisplayName"] = "t.\"DisplayName\" || ' ' || n", ["LogIndex"] = "NULL",
        }, $"t.\"Id\" = '{template.Id.ToString().ToUpperInvariant()}'"));
        return 0;
    });

    private static List<string[]> ReadCsv(string text)
    {
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToArray());
        return rows;
    }

    /// <summary>The organisations in the table's rows, in order.</summary>
    private static List<string> Organisations(string html) =>
        OrganisationCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<th scope=\"row\"[^>]*><span dir=\"auto\">([^<]*)</span>")]
    private static partial Regex OrganisationCell();
}
