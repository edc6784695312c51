using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Publishing;

public sealed class PublicListTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Drafts_and_statements_open_for_signature_are_not_public()
    {
        var drafter = await factory.SignedInClientAsync();
        var draft = await drafter.CreateStatementAsync(title: "Not yet public draft");
        var open = await drafter.CreateStatementAsync(title: "Not yet public open");
        await drafter.OpenAsync(open.Id);
        var anonymous = factory.CreateClient();

        foreach (var slug in new[] { draft.Slug, open.Slug, "never-existed" })
        {
            var a = await (await anonymous.GetAsync($"/api/public/statements/{slug}")).AssertProblemAsync(HttpStatusCode.NotFound);
            var b = await (await anonymous.GetAsync($"/api/public/statements/{slug}/signatories"))
                .AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal("No statement was found.", a["detail"]!.GetValue<string>());
            Assert.Equal("No statement was found.", b["detail"]!.GetValue<string>());
        }
        var list = await anonymous.PublishedStatementsAsync();
        Assert.DoesNotContain(list, s => s.Slug.StartsWith("not-yet-public", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_withdrawn_statement_disappears_from_the_public_side()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "To be withdrawn");
        await drafter.OpenAsync(statement.Id);
        await drafter.PublishAsync(statement.Id);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/public/statements/{statement.Slug}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await drafter.PostEmptyAsync($"/api/statements/{statement.Id}/withdraw")).StatusCode);

        // The public answer was cached; the withdrawal's event evicts it.
        var gone = await Eventually.ReturnsAsync(() => factory.CreateClient().GetAsync($"/api/public/statements/{statement.Slug}"),
            r => r.StatusCode == HttpStatusCode.NotFound, "the withdrawn statement is gone from the public side");
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signatures_after_publication_are_subsequent_and_listed_after_the_initial_ones()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Further signatories possible");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var early = (await drafter.InviteAsync(id, "Rode Morgen", "Red Dawn", "RM", "NL", "rm@example.org")).Token!;
        var late = (await drafter.InviteAsync(id, "Partija Rada - ByH", "Party of Labor - Bosnia and Herzegovina", "PR-ByH", "BA",
            "pr@example.org")).Token!;
        await factory.CreateClient().SignAsync(early);
        await drafter.PublishAsync(id);
        await factory.CreateClient().SignAsync(late);

        var list = await factory.CreateClient().SignatoriesAsync(statement.Slug);
        var signatories = list.Signatories;
        Assert.Equal(["Initial", "Subsequent"], signatories.Select(s => s.Phase));
        Assert.Equal([1, 2], signatories.Select(s => s.Number));
        Assert.True(list.AcceptsFurtherSignatories);

        var text = await factory.CreateClient().GetStringAsync($"/statements/{statement.Slug}/signatories.txt");
        var asOf = DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Signatories (as of {asOf}, further signatories possible):", text);
        Assert.Contains("  1. RM Rode Morgen (Red Dawn), Netherlands", text);
        Assert.Contains("Subsequent signatories:\n\n  2. PR-ByH Partija Rada - ByH (Party of Labor - Bosnia and Herzegovina), Bosnia",
            text);
        Assert.True(
            text.IndexOf("Rode Morgen", StringComparison.Ordinal) < text.IndexOf("Subsequent signatories", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_public_statement_shows_the_signed_text_with_sanitised_html()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Sanitised",
            body: "Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold**");
        await drafter.OpenAsync(statement.Id);
        await drafter.PublishAsync(statement.Id);

        var published = await factory.CreateClient().PublishedStatementAsync(statement.Slug);

        var html = published.BodyHtml;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Equal(statement.LatestVersion.TextHash, published.TextHash);
    }

    [Fact]
    public async Task Publishing_as_of_a_future_date_is_refused_with_400()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Future")).Id;
        await drafter.OpenAsync(id);
        var response = await drafter.PostAsJsonAsync($"/api/statements/{id}/publish", new { asOf = DateTimeOffset.UtcNow.AddDays(3) });
        await response.AssertFieldErrorAsync("asOf");
    }

    [Fact]
    public async Task Publishing_a_draft_and_closing_an_unpublished_statement_are_409()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Order matters")).Id;
        await (await drafter.PostEmptyAsync($"/api/statements/{id}/publish")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await drafter.PostEmptyAsync($"/api/statements/{id}/close")).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
