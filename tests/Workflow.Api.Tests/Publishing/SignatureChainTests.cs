using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Publishing;

public sealed class SignatureChainTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private async Task<(HttpClient Drafter, string Id, string Slug, List<string> Tokens)> PublishedAsync(int signatories)
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Chain {Guid.NewGuid():N}");
        var id = statement.Str("id");
        await drafter.OpenAsync(id);
        var tokens = new List<string>();
        for (var i = 0; i < signatories; i++)
            tokens.Add((await drafter.InviteAsync(id, $"Partido {i} {Guid.NewGuid():N}", null, null, "PE", $"p{i}@example.org")).Str("token"));
        // Signed at once: the chain must still be one line.
        var signed = await Task.WhenAll(tokens.Select(t => factory.CreateClient().SignAsync(t)));
        Assert.All(signed, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await drafter.PublishAsync(id);
        return (drafter, id, statement.Str("slug"), tokens);
    }

    [Fact]
    public async Task Signatures_and_withdrawals_form_a_chain_that_verifies_and_each_receipt_proves_its_place()
    {
        var (_, _, slug, tokens) = await PublishedAsync(6);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{tokens[2]}/withdraw", new { note = "Changed our mind." })).StatusCode);

        var verify = await (await factory.CreateClient().GetAsync($"/api/public/statements/{slug}/verify")).JsonAsync();
        Assert.True(verify["holds"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(7, verify["length"]!.GetValue<int>());
        var entries = verify["entries"]!.AsArray();
        Assert.Equal("Withdrawn", entries[6].Str("kind"));
        Assert.Equal(Enumerable.Range(1, 7), entries.Select(e => e!["position"]!.GetValue<int>()));

        var receipt = await (await factory.CreateClient().GetAsync($"/api/invitations/{tokens[0]}")).JsonAsync();
        var position = receipt["receipt"]!["chainPosition"]!.GetValue<int>();
        Assert.Equal(receipt["receipt"].Str("chainHash"), entries[position - 1].Str("hash"));

        var list = await (await factory.CreateClient().GetAsync($"/api/public/statements/{slug}/signatories")).JsonAsync();
        Assert.Equal(verify.Str("head"), list.Str("chainHead"));
        Assert.Equal(5, list["signatories"]!.AsArray().Count);
        Assert.Contains($"head {verify.Str("head")}", await factory.CreateClient().GetStringAsync($"/statements/{slug}/signatories.txt"));
    }

    [Fact]
    public async Task Removing_or_reordering_a_name_behind_the_services_back_breaks_the_chain()
    {
        var (_, id, slug, _) = await PublishedAsync(3);
        var statementId = Guid.Parse(id);

        // Someone with database access quietly deletes signature 2's standing and renumbers another.
        // (A bulk update, as SQL would do it: the domain's rules and the chain are bypassed.)
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == statementId && s.Number == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, Workflow.Core.Endorsements.SignatureStatus.Withdrawn)));
        var verify = await (await factory.CreateClient().GetAsync($"/api/public/statements/{slug}/verify")).JsonAsync();
        Assert.False(verify["holds"]!.GetValue<bool>());
        Assert.Contains(verify["problems"]!.AsArray(), p => p!.GetValue<string>().Contains("Signature 2"));

        // Rewriting an entry of the chain itself is caught too.
        var stranger = Guid.NewGuid();
        await factory.InDatabaseAsync(db => db.ChainEntries.Where(e => e.StatementId == statementId && e.Position == 1)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.OrganisationId, stranger)));
        verify = await (await factory.CreateClient().GetAsync($"/api/public/statements/{slug}/verify")).JsonAsync();
        Assert.True(verify["problems"]!.AsArray().Any(p => p!.GetValue<string>() == "Entry 1 does not match its hash."), verify.ToJsonString());
        await (await factory.CreateClient().GetAsync("/api/public/statements/no-such-statement/verify")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
