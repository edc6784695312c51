using System.Net;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Pages;

/// <summary>
/// What a crafted request can send to the pages — empty fields, other methods, unknown handlers, values of the wrong
/// kind — is answered as a client error, never 500; and the things every page shares (signing out, the notice) work.
/// </summary>
public sealed class PageInputTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Signing_out_from_the_menu_of_any_page_ends_the_session()
    {
        var browser = PageBrowser.Open(factory);
        await browser.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/drafts")).StatusCode);

        // The menu's form, as the page renders it, with the token the page gave.
        var html = await browser.GetHtmlAsync("/statements");
        var form = System.Text.RegularExpressions.Regex.Match(html,
            "<form method=\"post\" class=\"inline\" action=\"/account/sign-out\">.*?</form>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(form.Success, html);
        var signedOut = await browser.Client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageBrowser.TokenIn(form.Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await browser.Client.GetAsync("/drafts");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login",
            after.Headers.Location!.IsAbsoluteUri ? after.Headers.Location.PathAndQuery : after.Headers.Location.OriginalString);
    }

    [Theory]
    [InlineData("/account/login", "Email", "Password")]
    [InlineData("/account/register", "Email", "Password")]
    public async Task Empty_fields_on_the_account_forms_are_a_refusal_on_the_form(string page, string first, string second)
    {
        var browser = PageBrowser.Open(factory);
        foreach (var empty in new[] { first, second })
        {
            var fields = new Dictionary<string, string> { [first] = "someone@example.org", [second] = ApiClient.Password, [empty] = "" };
            var response = await browser.SubmitAsync(page, fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("<form", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Empty_fields_on_the_drafter_and_signer_forms_are_refusals_not_errors()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Empty fields");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var token = (await drafter.InviteAsync(id, email: "empty@example.org")).Token!;
        Assert.Equal(HttpStatusCode.OK, (await drafter.PutAsync($"/api/statements/{id}/open-sign-on",
            System.Net.Http.Json.JsonContent.Create(new { enabled = true }))).StatusCode);
        await drafter.PublishAsync(id);

        var browser = PageBrowser.Open(factory);
        var email = await browser.RegisterAsync();
        var owner = PageBrowser.Open(factory);
        await owner.SubmitAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password });
        var mine = (await (await factory.SignedInClientAsync(email, register: false)).CreateStatementAsync(title: "Mine")).Id;

        var answers = new List<(string What, HttpStatusCode Status)>
        {
            ("sign-on with an empty e-mail", (await PageBrowser.Open(factory).SubmitAsync($"/statements/{statement.Slug}/sign-on",
                new Dictionary<string, string> { ["Input.OrganisationName"] = "Frente", ["Input.Email"] = "",
                    ["Input.SignerName"] = "Ana" })).StatusCode),
            ("new statement with an empty language", (await owner.SubmitAsync("/drafts/new",
                new Dictionary<string, string> { ["Title"] = "T", ["Body"] = "B", ["Language"] = "" })).StatusCode),
            ("translation with an empty language", (await owner.SubmitAsync($"/drafts/{mine}/translations",
                new Dictionary<string, string> { ["Language"] = "", ["Title"] = "T", ["Body"] = "B" })).StatusCode),
            ("invitation with an empty e-mail", (await owner.SubmitAsync($"/drafts/{mine}/campaign",
                new Dictionary<string, string> { ["Invite.Name"] = "Frente", ["Invite.Email"] = "" }, handler: "Invite")).StatusCode),
            ("signing with an empty name", (await PageBrowser.Open(factory).SubmitAsync($"/sign/{token}",
                new Dictionary<string, string> { ["SignerName"] = "" }, handler: "Sign")).StatusCode),
        };
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict,
            $"{a.What}: {(int)a.Status}"));
    }

    [Fact]
    public async Task Other_methods_unknown_handlers_and_unreadable_values_are_client_errors()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Methods");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var token = (await drafter.InviteAsync(id, email: "methods@example.org")).Token!;
        await drafter.PublishAsync(id);
        var slug = statement.Slug;

        var anonymous = PageBrowser.Open(factory);
        Assert.Equal(HttpStatusCode.MethodNotAllowed,
            (await anonymous.Client.SendAsync(new HttpRequestMessage(new HttpMethod("TRACE"), $"/statements/{slug}"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed,
            (await anonymous.Client.SendAsync(new HttpRequestMessage(new HttpMethod("TRACE"), $"/sign/{token}"))).StatusCode);
        // Reading with a handler the page does not have reads the page.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Client.GetAsync($"/sign/{token}?handler=bogus")).StatusCode);
        // A post with a valid antiforgery token (any page's) to a page without such a handler.
        var antiforgery = PageBrowser.TokenIn(await anonymous.GetHtmlAsync("/account/login"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await anonymous.Client.PostAsync($"/statements/{slug}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed,
            (await anonymous.SubmitAsync($"/sign/{token}", new Dictionary<string, string>(), handler: "bogus")).StatusCode);

        // The drafter's switch with a value that is not true or false changes nothing.
        var owner = PageBrowser.Open(factory);
        var email = await owner.RegisterAsync();
        var api = await factory.SignedInClientAsync(email, register: false);
        var mine = (await api.CreateStatementAsync(title: "Switch")).Id;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"/api/statements/{mine}/open-sign-on",
            System.Net.Http.Json.JsonContent.Create(new { enabled = true }))).StatusCode);
        var maybe = await owner.SubmitAsync($"/drafts/{mine}/campaign", new Dictionary<string, string> { ["enabled"] = "maybe" },
            handler: "OpenSignOn");
        Assert.Equal(HttpStatusCode.BadRequest, maybe.StatusCode);
        Assert.True((await api.StatementAsync(mine)).AcceptsOpenSignOn);
    }

    [Fact]
    public async Task A_public_statement_page_is_served_from_the_cache_on_the_second_visit()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Cached page");
        await drafter.OpenAsync(statement.Id);
        var token = (await drafter.InviteAsync(statement.Id, email: "cached@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(token)).StatusCode);
        await drafter.PublishAsync(statement.Id);

        var reader = factory.CreateClient();
        var first = await reader.GetAsync($"/statements/{statement.Slug}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.TryGetValues("Set-Cookie", out var cookies),
            "a public page sets a cookie: " + string.Join("; ", cookies ?? []));
        // The publication's events evict the page when the outbox delivers them, which may fall between two visits.
        await Eventually.ReturnsAsync(() => reader.GetAsync($"/statements/{statement.Slug}"), r => r.Headers.Age is not null,
            "a later visit is served from the output cache", timeoutSeconds: 60);
    }
}
