using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Pages;

/// <summary>
/// The campaign page's moderation of sign-ons offers the directory's matches first and keeps the API's rules: approving on the
/// page once put an organisation that had already signed on the list a second time, as "a new organisation" (issue "Proof
/// that holds against everyone", 4).
/// </summary>
public sealed partial class SignOnModerationPageTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private sealed record Moderation(PageBrowser Browser, HttpClient Api, Guid StatementId, string Page);

    /// <summary>A published statement open to sign-ons, signed by one invited party, its drafter signed in on the pages too.</summary>
    private async Task<(Moderation Moderation, Guid SignedOrganisationId)> PublishedAndSignedByAsync(string name, string acronym,
        string country)
    {
        var browser = PageBrowser.Open(factory);
        var api = await factory.SignedInClientAsync(await browser.RegisterAsync(), register: false);
        var id = (await api.CreateStatementAsync(title: $"Moderated {Guid.NewGuid():N}")).Id;
        await api.OpenAsync(id);
        var invited = await api.InviteAsync(id, name, null, acronym, country, $"{acronym.ToLowerInvariant()}@example.org");
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(invited.Token!)).StatusCode);
        await api.PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK,
            (await api.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true })).StatusCode);
        return (new Moderation(browser, api, id, $"/drafts/{id}/campaign"), invited.Organisation.Id);
    }

    private async Task<string> SignOnAsync(Moderation m, string name, string acronym, string country, string email)
    {
        var visitor = factory.CreateClient();
        var slug = (await m.Api.StatementAsync(m.StatementId)).Slug;
        var hash = (await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        var entry = await (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", new
        {
            organisation = new { name, acronym, country }, email, signerName = "Ana Mamani", signerRole = "Secretaria", textHash = hash,
        })).JsonAsync();
        var link = await factory.ApiLinkFromMailAsync(email, "/sign-on", "/api/public/sign-ons");
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync($"{link}/confirm", null)).StatusCode);
        return entry.Str("id");
    }

    /// <summary>The approval form of this sign-on as the page renders it: its fields with the values a browser would send.</summary>
    private static Dictionary<string, string> ApprovalFormAsRendered(string html, string signOnId)
    {
        var form = Regex.Matches(html, "<form[^>]*handler=Approve[^>]*>.*?</form>", RegexOptions.Singleline)
            .SingleOrDefault(f => f.Value.Contains($"name=\"signOnId\" value=\"{signOnId}\"", StringComparison.Ordinal));
        Assert.True(form is not null, html);
        var fields = new Dictionary<string, string> { ["signOnId"] = signOnId };
        foreach (Match radio in CheckedRadio().Matches(form!.Value)) fields[radio.Groups[1].Value] = radio.Groups[2].Value;
        return fields;
    }

    [GeneratedRegex("<input type=\"radio\" name=\"([^\"]+)\" value=\"([^\"]*)\" checked")]
    private static partial Regex CheckedRadio();

    private async Task<int> SignatureCountAsync(Moderation m) =>
        (await (await m.Api.GetAsync($"/api/statements/{m.StatementId}/signatures")).JsonArrayAsync()).Count;

    [Fact]
    public async Task A_sign_on_of_an_organisation_that_already_signed_is_offered_as_it_and_refused_on_the_page_not_listed_twice()
    {
        var (m, signedId) = await PublishedAndSignedByAsync("Partido Comunista del Ecuador", "PCE", "EC");
        var signOnId = await SignOnAsync(m, "Partido Comunista del Ecuador", "PCE", "EC", "pce@ecuador.example");

        var html = await m.Browser.GetHtmlAsync(m.Page);
        var asRendered = ApprovalFormAsRendered(html, signOnId);
        Assert.Equal(signedId.ToString(), asRendered.GetValueOrDefault("organisation")); // the directory's match, chosen first

        var approved = await m.Browser.SubmitAsync(m.Page, asRendered, "Approve");
        Assert.Equal(HttpStatusCode.Conflict, approved.StatusCode);
        Assert.Contains("has already signed this statement", WebUtility.HtmlDecode(await approved.Content.ReadAsStringAsync()));

        // Choosing "a new organisation" does not get round it, nor does choosing nothing.
        foreach (var choice in new Dictionary<string, string>[] { new() { ["signOnId"] = signOnId, ["organisation"] = "new" },
            new() { ["signOnId"] = signOnId } })
        {
            var refused = await m.Browser.SubmitAsync(m.Page, choice, "Approve");
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("has already signed this statement", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }
        // The API answers the same.
        var viaApi = await m.Api.PostAsJsonAsync($"/api/statements/{m.StatementId}/sign-ons/{signOnId}/approve",
            new { registerAsNew = true });
        Assert.Contains("has already signed this statement", (await viaApi.AssertProblemAsync(HttpStatusCode.Conflict)).Str("detail"));

        Assert.Equal(1, await SignatureCountAsync(m));
        var queued = (await (await m.Api.GetAsync($"/api/statements/{m.StatementId}/sign-ons")).JsonArrayAsync()).Single()!;
        Assert.Equal("AwaitingModeration", queued.Str("status"));
    }

    [Fact]
    public async Task A_sign_on_the_directory_does_not_know_is_approved_from_the_page_as_a_new_organisation()
    {
        var (m, _) = await PublishedAndSignedByAsync("Frente Popular de Quito", "FPQ", "EC");
        var signOnId = await SignOnAsync(m, "Colectivo Obrero de Guayaquil", "COG", "EC", "cog@ecuador.example");

        var asRendered = ApprovalFormAsRendered(await m.Browser.GetHtmlAsync(m.Page), signOnId);
        Assert.False(asRendered.ContainsKey("organisation"));
        var approved = await m.Browser.SubmitAsync(m.Page, asRendered, "Approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(2, await SignatureCountAsync(m));
    }

    [Fact]
    public async Task A_choice_that_is_neither_a_record_nor_new_is_a_refusal_on_the_form()
    {
        var (m, _) = await PublishedAndSignedByAsync("Movimiento Obrero de Loja", "MOL", "EC");
        var signOnId = await SignOnAsync(m, "Movimiento Obrero de Loja", "MOL", "EC", "mol@ecuador.example");

        var refused = await m.Browser.SubmitAsync(m.Page,
            new Dictionary<string, string> { ["signOnId"] = signOnId, ["organisation"] = "someone" }, "Approve");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, await SignatureCountAsync(m));
    }
}
