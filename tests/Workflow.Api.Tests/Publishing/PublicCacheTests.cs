using System.Net;
using Microsoft.EntityFrameworkCore;
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
        await Eventually.ReturnsAsync(() => factory.CreateClient().GetStringAsync(url), t => t.Contains("Partido Uno"), "the published list is served");

        // Let every event so far be delivered, so that none evicts the cache late.
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => db.OutboxMessages.AllAsync(m => m.SentAt != null)), sent => sent, "the outbox is drained");
        await factory.Bus.InactivityTask;

        // A change that bypasses the service raises no event: the cached answer stands, proving it is cached.
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == Guid.Parse(id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DisplayName, "Changed behind the cache")));
        Assert.Contains("Partido Uno", await factory.CreateClient().GetStringAsync(url));

        // A real signature arrives as an event and evicts the statement's cached answers.
        var second = (await drafter.InviteAsync(id, "Partido Dos", null, null, "PE", "dos@example.org")).Str("token");
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(second)).StatusCode);
        var fresh = await Eventually.ReturnsAsync(() => factory.CreateClient().GetStringAsync(url), t => t.Contains("Partido Dos"), "the new signatory appears");
        Assert.Contains("Changed behind the cache", fresh);
    }
}
