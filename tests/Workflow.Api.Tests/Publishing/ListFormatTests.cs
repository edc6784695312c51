using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Publishing;

public sealed class ListFormatTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private async Task<string> PublishedAsync()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Formats {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        foreach (var (name, english, acronym, country) in new[]
                 {
                     ("Zeta <script>alert(1)</script> Party", "Zeta Party", "ZP", "PE"),
                     ("=HYPERLINK(\"http://evil.example\")", null, null, "NL"),
                     ("Árbol *Rojo* [link](http://x.example)", "Red Tree", "AR", "BO"),
                 })
        {
            var token = (await drafter.InviteAsync(id, name, english, acronym, country, $"{Guid.NewGuid():N}@example.org")).Token!;
            Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(token)).StatusCode);
        }
        await drafter.PublishAsync(id);
        return statement.Slug;
    }

    [Fact]
    public async Task The_list_comes_as_markdown_csv_printable_html_atom_and_a_widget_with_every_name_made_harmless()
    {
        var slug = await PublishedAsync();
        var client = factory.CreateClient();

        var md = await client.GetStringAsync($"/statements/{slug}/signatories.md");
        Assert.Contains(@"Árbol \*Rojo\* \[link\]\(http://x\.example\)", md);
        Assert.Contains("1. ZP Zeta \\<script\\>alert\\(1\\)\\</script\\> Party", md);

        var csvResponse = await client.GetAsync($"/statements/{slug}/signatories.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        using (var csv = new CsvReader(new StringReader(await csvResponse.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture))
        {
            var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(3, rows.Count);
            Assert.Equal("'=HYPERLINK(\"http://evil.example\")", rows[1]["name"]); // never a formula in a spreadsheet
        }

        var print = await client.GetAsync($"/statements/{slug}/print");
        var html = await print.Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("default-src 'none'", print.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("@media print", await client.GetStringAsync("/styles/print.css"));

        var feed = XDocument.Parse(await client.GetStringAsync($"/statements/{slug}/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(3, feed.Root!.Elements(atom + "entry").Count());

        var widget = await client.GetAsync($"/statements/{slug}/widget");
        Assert.Contains("3 signatories", await widget.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors *", widget.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task No_cell_of_the_csv_can_start_a_formula_whatever_column_it_is_in()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Formulas {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var signatures = new List<Guid>();
        foreach (var (name, english, acronym) in new[]
                 {
                     ($"=HYPERLINK(\"http://evil.example\") {suffix}", $"+cmd|' /C calc'!A0 {suffix}", "-1+1"),
                     ($"@SUM(A1:A9) {suffix}", $"-2+3 {suffix}", "=SUM(Z9)"),
                     ($"Plain {suffix}", $"@SUM(A1) {suffix}", "+A1"),
                 })
        {
            var recorded = await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
                new { organisation = new { name, nameEnglish = english, acronym, country = "PE" }, signerName = "Ana" });
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
            signatures.Add(Guid.Parse((await recorded.JsonAsync()).Str("signatureId")));
        }
        // A tab or a carriage return cannot enter a name any more, nor anything but a country code the country; what was
        // stored before these rules still must not start a formula.
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.Id == signatures[0]).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.DisplayNameEnglish, "\t=1+1").SetProperty(x => x.DisplayAcronym, "\r=1+1")));
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.Id == signatures[2])
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DisplayCountry, "=1")));
        await drafter.PublishAsync(id);

        var csv = await factory.CreateClient().GetStringAsync($"/statements/{statement.Slug}/signatories.csv");

        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        foreach (var cell in rows.SelectMany(r => r.Values).Select(v => (string)v))
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"The cell «{cell}» starts a formula.");
        Assert.Contains(rows, r => (string)r["name"] == $"'=HYPERLINK(\"http://evil.example\") {suffix}");
        Assert.Contains(rows, r => (string)r["acronym"] == "'=SUM(Z9)");
        Assert.Contains(rows, r => (string)r["nameEnglish"] == "'=1+1");
        Assert.Contains(rows, r => (string)r["country"] == "'=1");
    }

    [Fact]
    public async Task The_list_can_be_ordered_alphabetically_or_grouped_by_country()
    {
        var slug = await PublishedAsync();
        var client = factory.CreateClient();

        var alphabetical = await client.GetStringAsync($"/statements/{slug}/signatories.txt?order=Alphabetical");
        Assert.True(
            alphabetical.IndexOf("Red Tree", StringComparison.Ordinal) < alphabetical.IndexOf("Zeta Party", StringComparison.Ordinal));
        var byCountry = await client.GetStringAsync($"/statements/{slug}/signatories.txt?order=Country");
        Assert.Contains("Bolivia:", byCountry);
        Assert.True(byCountry.IndexOf("Bolivia:", StringComparison.Ordinal) < byCountry.IndexOf("Peru:", StringComparison.Ordinal));
        await (await client.GetAsync($"/statements/{slug}/signatories.txt?order=Random")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/statements/not-published/print")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
