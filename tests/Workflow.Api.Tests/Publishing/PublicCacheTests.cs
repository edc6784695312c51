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
        var (id, slug) = (statement.Str("id"), statement.Str("slug"));
        await drafter.OpenAsync(id);
        var first = (await drafter.InviteAsync(id, "Partido Uno", null, null, "PE", "uno@example.org")).Str("token");
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(first)).StatusCode);
        await drafter.PublishAsync(id);
        var url = $"/statements/{slug}/signatories.txt";

        // A repeated read is answered from the cache: the answer carries its age.
        var cached = await Eventually.ReturnsAsync(() => factory.CreateClient().GetAsync(url), r => r.Headers.Age is not null, "a read is served from the cache");
        Assert.Contains("Partido Uno", await cached.Content.ReadAsStringAsync());

        // A new signature arrives as an event and evicts the statement's cached answers (they would otherwise live ten minutes).
        var second = (await drafter.InviteAsync(id, "Partido Dos", null, null, "PE", "dos@example.org")).Str("token");
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(second)).StatusCode);
        await Eventually.ReturnsAsync(() => factory.CreateClient().GetStringAsync(url), t => t.Contains("Partido Dos"), "the new signatory appears");
    }
}
