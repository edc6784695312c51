using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;
using Workflow.Core.Publishing;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Tests.Endorsements;

/// <summary>Withdrawals, invalidations and corrections: names leave the public list or change on it, and the history keeps
/// everything.</summary>
public sealed class SignatureHistoryTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private sealed record Campaign(HttpClient Drafter, Guid Id, string Slug, string[] Tokens, Guid[] SignatureIds);

    /// <summary>A published statement with three signatories, numbered 1 to 3.</summary>
    private async Task<Campaign> PublishedWithThreeAsync()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "History keeps everything");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var tokens = new List<string>();
        var signatureIds = new List<Guid>();
        foreach (var (name, acronym) in new[] { ("Rode Morgen", "RM"), ("Union of Cypriots", "UoC"),
            ("Bloque Democratico Popular", "BDP") })
        {
            var token = (await drafter.InviteAsync(id, name, null, acronym, "NL", $"{acronym.ToLowerInvariant()}@example.org")).Token!;
            tokens.Add(token);
            signatureIds.Add((await (await factory.CreateClient().SignAsync(token)).ReceiptAsync()).SignatureId);
        }
        await drafter.PublishAsync(id);
        return new Campaign(drafter, id, statement.Slug, [.. tokens], [.. signatureIds]);
    }

    private async Task<IReadOnlyList<Signatory>> PublicSignatoriesAsync(string slug) =>
        (await factory.CreateClient().SignatoriesAsync(slug)).Signatories;

    [Fact]
    public async Task A_signatory_withdraws_through_its_link_and_leaves_the_public_list_but_not_the_history()
    {
        var c = await PublishedWithThreeAsync();

        var withdrawn = await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{c.Tokens[1]}/withdraw",
            new { note = "Our congress voted against." });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (await withdrawn.ReceiptAsync()).Status);
        Assert.Equal([1, 3], (await PublicSignatoriesAsync(c.Slug)).Select(s => s.Number));
        var text = await factory.CreateClient().GetStringAsync($"/statements/{c.Slug}/signatories.txt");
        Assert.DoesNotContain("Union of Cypriots", text);

        var history = await c.Drafter.AnswerAsync<SignatureRecord>($"/api/statements/{c.Id}/signatures/{c.SignatureIds[1]}");
        Assert.Equal("Withdrawn", history.Status);
        Assert.Equal("Our congress voted against.", history.EndNote);
        await Eventually.ReturnsAsync(async () => await (await c.Drafter.GetAsync($"/api/statements/{c.Id}/audit")).JsonArrayAsync(),
            a => a.Any(e => e.Str("eventType") == "SignatureWithdrawn"), "the audit log recorded the withdrawal");
    }

    [Fact]
    public async Task Withdrawing_twice_or_without_a_signature_is_409()
    {
        var c = await PublishedWithThreeAsync();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{c.Tokens[0]}/withdraw",
            new { })).StatusCode);
        await (await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{c.Tokens[0]}/withdraw", new { }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        var unsigned = (await c.Drafter.InviteAsync(c.Id, "Not yet signed", null, "NYS", "FR", "nys@example.org")).Token!;
        await (await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{unsigned}/withdraw", new { }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_drafter_invalidates_a_signature_with_a_reason_the_signatory_is_told_and_the_history_keeps_it()
    {
        var c = await PublishedWithThreeAsync();

        var response = await c.Drafter.PostAsJsonAsync($"/api/statements/{c.Id}/signatures/{c.SignatureIds[0]}/invalidate",
            new { reason = "NotGenuine", note = "The party says it never signed." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([2, 3], (await PublicSignatoriesAsync(c.Slug)).Select(s => s.Number));
        var history = await c.Drafter.SignaturesAsync(c.Id);
        var first = history.Single(s => s.Id == c.SignatureIds[0]);
        Assert.Equal("Invalidated", first.Status);
        Assert.Equal("NotGenuine", first.InvalidationReason);
        Assert.Equal("The party says it never signed.", first.EndNote);

        var notice = await Eventually.ReturnsAsync(
            async () => (await factory.MailsAsync()).FirstOrDefault(m => (m.Subject ?? "")
                .StartsWith("Your signature was removed", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "rm@example.org"),
            m => m is not null, "the signatory was told");
        Assert.Contains("does not appear to be genuine", notice!.TextBody ?? "");
    }

    [Theory]
    [InlineData("{}", "reason")]
    [InlineData("{\"reason\":\"BecauseWeSaySo\"}", "reason")]
    public async Task Invalidating_without_a_known_reason_is_400_naming_the_reason(string json, string field)
    {
        var c = await PublishedWithThreeAsync();
        var response = await c.Drafter.PostAsync($"/api/statements/{c.Id}/signatures/{c.SignatureIds[0]}/invalidate",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertFieldErrorAsync(field);
        Assert.Equal(3, (await PublicSignatoriesAsync(c.Slug)).Count);
    }

    [Fact]
    public async Task Only_drafters_may_invalidate_or_correct_and_an_unknown_signature_is_404()
    {
        var c = await PublishedWithThreeAsync();
        var stranger = await factory.SignedInClientAsync();
        await (await stranger.PostAsJsonAsync($"/api/statements/{c.Id}/signatures/{c.SignatureIds[0]}/invalidate",
            new { reason = "Duplicate" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PutAsJsonAsync($"/api/statements/{c.Id}/signatures/{c.SignatureIds[0]}/displayed-name",
            new { name = "Hacked" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.CreateClient().PostAsJsonAsync($"/api/statements/{c.Id}/signatures/{c.SignatureIds[0]}/invalidate",
                new { reason = "Duplicate" })).StatusCode);
        await (await c.Drafter.PostAsJsonAsync($"/api/statements/{c.Id}/signatures/{Guid.NewGuid()}/invalidate",
            new { reason = "Duplicate" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, (await PublicSignatoriesAsync(c.Slug)).Count);
    }

    [Fact]
    public async Task A_drafter_corrects_how_a_name_is_shown_and_the_audit_log_keeps_the_old_and_new_names()
    {
        var c = await PublishedWithThreeAsync();

        var response = await c.Drafter.PutAsJsonAsync($"/api/statements/{c.Id}/signatures/{c.SignatureIds[2]}/displayed-name",
            new { name = "Bloque Democrático Popular", nameEnglish = "Popular Democratic Bloc", acronym = "BDP" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = (await PublicSignatoriesAsync(c.Slug)).Single(s => s.Number == 3);
        Assert.Equal("Bloque Democrático Popular", shown.Name);
        Assert.Equal("Popular Democratic Bloc", shown.NameEnglish);
        var audit = await Eventually.ReturnsAsync(async () => await (await c.Drafter.GetAsync($"/api/statements/{c.Id}/audit"))
            .JsonArrayAsync(),
            a => a.Any(e => e.Str("eventType") == "SignatoryNameCorrected"), "the audit log recorded the correction");
        var payload = JsonNode.Parse(audit.First(e => e.Str("eventType") == "SignatoryNameCorrected").Str("payload"))!;
        Assert.Equal("Bloque Democratico Popular", payload.Str("previousName"));
        Assert.Equal("Bloque Democrático Popular", payload.Str("name"));

        await (await c.Drafter.PutAsJsonAsync($"/api/statements/{c.Id}/signatures/{c.SignatureIds[2]}/displayed-name", new { name = "" }))
            .AssertFieldErrorAsync("name");
    }
}
