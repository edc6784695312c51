using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Statements;

/// <summary>What drafters say of a statement taken from elsewhere: its kind, its issuer, a partial list, its source, dates nobody
/// knows.</summary>
public sealed class PublicationDetailsTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static readonly object PcpOrganisation = new { name = "Partido Comunista Peruano", nameEnglish = "Peruvian Communist Party",
        acronym = "PCP" };

    [Fact]
    public async Task A_statement_from_an_older_list_is_published_with_its_issuer_its_source_and_no_invented_dates()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Agreed at a conference");
        var (id, slug) = (statement.Id, statement.Slug);
        var details = await drafter.PutAsJsonAsync($"/api/statements/{id}/publication-details", new
        {
            kind = "Joint", issuedBy = "The parties meeting at the conference", listIsPartial = true,
            listNote = "The source names 1 of the parties that agreed it.",
            source = new { title = "Conference declaration", publisher = "Conference secretariat", url = "https://example.org/declaration",
                accessedOn = "2026-11-30" },
        });
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var read = await drafter.StatementAsync(id);
        Assert.Equal("The parties meeting at the conference", read.PublicationDetails.IssuedBy);
        Assert.Equal("https://example.org/declaration", read.PublicationDetails.Source!.Url);

        await drafter.OpenAsync(id);
        var signed = await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = PcpOrganisation, signedAtUnknown = true });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        Assert.Null((await signed.JsonAsync())["signedAt"]);
        var published = await drafter.PostAsJsonAsync($"/api/statements/{id}/publish", new { asOfUnknown = true });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var drafterView = await published.JsonAsync();
        Assert.Null(drafterView["publicationDate"]);
        Assert.NotNull(drafterView["publishedAt"]); // when Workflow published it, which only the drafters see

        var anonymous = factory.CreateClient();
        var shown = await anonymous.PublishedStatementAsync(slug);
        Assert.Null(shown.PublishedAt);
        Assert.Equal("The parties meeting at the conference", shown.IssuedBy);
        Assert.True(shown.ListIsPartial);
        Assert.Equal("Conference secretariat", shown.Source!.Publisher);
        var list = await anonymous.SignatoriesAsync(slug);
        Assert.Null(list.AsOf);
        Assert.Null(list.Signatories[0].SignedAt);

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/statements/{slug}"));
        Assert.Contains("Publication date not known", page);
        Assert.Contains("Joint statement issued by The parties meeting at the conference", page);
        Assert.Contains("<a href=\"https://example.org/declaration\"", page);
        Assert.Contains("accessed 30 November 2026", page);
        Assert.Contains("Signatories named (1; the list is partial)", page);
        var text = await anonymous.GetStringAsync($"/statements/{slug}/signatories.txt");
        Assert.Contains("Source: \u201CConference declaration\u201D, Conference secretariat, https://example.org/declaration, " +
            "accessed 30 November 2026\n", text);
        Assert.Contains("Published: date not known\n", text);
        Assert.Contains("\nSignatories (further signatories possible):\n", text);
        var csv = await anonymous.GetStringAsync($"/statements/{slug}/signatories.csv");
        Assert.True(csv.Contains(",date not known,", StringComparison.Ordinal), csv);
        Assert.Contains("Partial list: The source names 1 of the parties that agreed it\\.",
            await anonymous.GetStringAsync($"/statements/{slug}/signatories.md"));

        // Corrected after publication, the cached public answers follow.
        Assert.Equal(HttpStatusCode.OK, (await drafter.PutAsJsonAsync($"/api/statements/{id}/publication-details",
            new { kind = "Joint", issuedBy = "The conference" })).StatusCode);
        await Eventually.ReturnsAsync(() => anonymous.GetStringAsync($"/statements/{slug}"),
            p => p.Contains("Joint statement issued by The conference<", StringComparison.Ordinal),
            "the page shows the corrected issuer once its cached copy is evicted");
        await Eventually.ReturnsAsync(() => anonymous.GetStringAsync($"/statements/{slug}/signatories.txt"),
            t => !t.Contains("Partial list", StringComparison.Ordinal),
            "the list's text no longer calls the list partial");
    }

    [Theory]
    [InlineData("source.url", "{\"kind\":\"Joint\",\"source\":{\"url\":\"javascript:alert(1)\"}}")]
    [InlineData("source.url", "{\"kind\":\"Joint\",\"source\":{\"url\":\"example.org/no-scheme\"}}")]
    [InlineData("issuedBy", "{\"kind\":\"Joint\",\"issuedBy\":\"ICOR\\nand others\"}")]
    [InlineData("issuedBy", "{\"kind\":\"Joint\",\"issuedBy\":\"   \"}")]
    [InlineData("listNote", "{\"kind\":\"Joint\",\"listNote\":\"Partial, but not said so\"}")]
    [InlineData("source.title", "{\"kind\":\"Joint\",\"source\":{\"title\":\"Two\\r\\nlines\"}}")]
    [InlineData("source.accessedOn", "{\"kind\":\"Joint\",\"source\":{\"accessedOn\":\"2999-01-01\"}}")]
    public async Task Bad_publication_details_are_refused_naming_the_field(string field, string body)
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Refused details")).Id;
        var response = await drafter.PutAsync($"/api/statements/{id}/publication-details",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task Overlong_publication_details_are_refused()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Overlong details")).Id;
        await (await drafter.PutAsJsonAsync($"/api/statements/{id}/publication-details",
            new { kind = "Joint", issuedBy = new string('x', 301) }))
            .AssertFieldErrorAsync("issuedBy");
        await (await drafter.PutAsJsonAsync($"/api/statements/{id}/publication-details",
            new { kind = "Joint", listIsPartial = true, listNote = new string('x', 501) }))
            .AssertFieldErrorAsync("listNote");
        await (await drafter.PutAsJsonAsync($"/api/statements/{id}/publication-details",
            new { kind = "Joint", source = new { url = "https://example.org/" + new string('x', 2000) } }))
            .AssertFieldErrorAsync("source.url");
    }

    [Fact]
    public async Task A_date_cannot_be_both_given_and_unknown()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Given and unknown")).Id;
        await drafter.OpenAsync(id);
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = PcpOrganisation, signedAt = "2023-02-07T00:00:00Z", signedAtUnknown = true }))
                .AssertFieldErrorAsync("signedAt");
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/publish", new { asOf = "2023-02-07T00:00:00Z", asOfUnknown = true }))
            .AssertFieldErrorAsync("asOf");
    }

    [Fact]
    public async Task An_article_is_signed_by_nobody()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "An article");
        var (id, slug) = (statement.Id, statement.Slug);
        Assert.Equal(HttpStatusCode.OK, (await drafter.PutAsJsonAsync($"/api/statements/{id}/publication-details",
            new { kind = "Article", issuedBy = "Our writers" })).StatusCode);
        await drafter.OpenAsync(id);
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures", new { organisation = PcpOrganisation }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = PcpOrganisation, email = "pcp@example.org" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await drafter.PublishAsync(id);
        var page = await factory.CreateClient().GetStringAsync($"/statements/{slug}");
        Assert.Contains("Article by Our writers", page);
        Assert.DoesNotContain("signatories-heading", page);

        // Once signed, a statement cannot become an article.
        var signedStatement = (await drafter.CreateStatementAsync(title: "Signed, then called an article")).Id;
        await drafter.OpenAsync(signedStatement);
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{signedStatement}/signatures",
            new { organisation = PcpOrganisation })).StatusCode);
        await (await drafter.PutAsJsonAsync($"/api/statements/{signedStatement}/publication-details", new { kind = "Article" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
