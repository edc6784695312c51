using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Publishing;

/// <summary>The snippet the public page offers to paste into other sites: inert HTML whatever the statement's title.</summary>
public sealed class EmbedSnippetTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Theory]
    [InlineData("Peace\" onload=\"alert(1)")]
    [InlineData("Peace\" onload=\"alert(1)\" x=\"<script>alert(2)</script>")]
    [InlineData("Peace' onload='alert(1)' <script>alert(3)</script> &amp; </textarea><script>alert(4)</script>")]
    public async Task The_embed_snippet_stays_inert_html_when_pasted_whatever_the_title(string title)
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: title);
        var id = statement.Id;
        var slug = statement.Slug;
        await drafter.OpenAsync(id);
        var recorded = await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = $"Embedders {Guid.NewGuid():N}" } });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        await drafter.PublishAsync(id);

        var parser = new HtmlParser();
        var page = parser.ParseDocument(await factory.CreateClient().GetStringAsync($"/statements/{slug}"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        var textarea = page.QuerySelector("textarea#embed");
        Assert.NotNull(textarea);

        // What a reader copies out of the box, pasted into another site's page.
        var pasted = parser.ParseDocument($"<!DOCTYPE html><html><body>{textarea.TextContent}</body></html>");
        var everything = pasted.Body!.QuerySelectorAll("*");
        Assert.Empty(pasted.QuerySelectorAll("script"));
        Assert.DoesNotContain(everything, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        var iframe = Assert.Single(everything);
        Assert.Equal("iframe", iframe.LocalName);
        Assert.Equal($"http://workflow.test/statements/{slug}/widget", iframe.GetAttribute("src"));
        Assert.Equal(title, iframe.GetAttribute("title"));
    }
}
