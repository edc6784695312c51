using System.Net;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Publishing;

public sealed class PublicCacheTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Public_lists_are_served_from_the_cache_until_an_event_of_their_statement_evicts_them()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Cached {Guid.NewGuid():N}");
        var (id, slug) = (statement.Id, statement.Slug);
        await drafter.OpenAsync(id);
        var first = (await drafter.InviteAsync(id, "Partido Uno", null, null, "PE", "uno@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(first)).StatusCode);
        await drafter.PublishAsync(id);
        var url = $"/statements/{slug}/signatories.txt";

        // A repeated read is answered from the cache: the answer carries its age.
        var cached = await Eventually.ReturnsAsync(() => factory.CreateClient().GetAsync(url), r => r.Headers.Age is not null,
            "a read is served from the cache");
        Assert.Contains("Partido Uno", await cached.Content.ReadAsStringAsync());

        // A new signature arrives as an event and evicts the statement's cached answers (they would otherwise live ten minutes).
        var second = (await drafter.InviteAsync(id, "Partido Dos", null, null, "PE", "dos@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(second)).StatusCode);
        await Eventually.ReturnsAsync(() => factory.CreateClient().GetStringAsync(url), t => t.Contains("Partido Dos"),
            "the new signatory appears");
    }

    [Fact]
    public async Task An_answer_asked_for_with_a_query_value_no_page_reads_is_made_afresh_and_not_kept()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Uncached {Guid.NewGuid():N}");
        var (id, slug) = (statement.Id, statement.Slug);
        await drafter.OpenAsync(id);
        var token = (await drafter.InviteAsync(id, "Partido Tres", null, null, "PE", "tres@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(token)).StatusCode);
        await drafter.PublishAsync(id);

        var busting = $"/statements/{slug}/signatories.txt?fresh=1";
        for (var read = 0; read < 3; read++)
        {
            var answer = await factory.CreateClient().GetAsync(busting);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("Partido Tres", await answer.Content.ReadAsStringAsync());
            Assert.Null(answer.Headers.Age);
        }
        // The values the pages read are kept as before.
        await Eventually.ReturnsAsync(() => factory.CreateClient().GetAsync($"/statements/{slug}/signatories.txt?order=Alphabetical"),
            r => r.Headers.Age is not null, "an answer in another order is served from the cache");
    }
}
