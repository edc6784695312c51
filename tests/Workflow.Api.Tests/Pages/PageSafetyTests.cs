using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Pages;

/// <summary>The pages' protections, checked over HTTP: antiforgery, CSP, cookies, encoding, sign-in, and errors that keep what was
/// typed.</summary>
public sealed class PageSafetyTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_creates_nothing()
    {
        var browser = PageBrowser.Open(factory);
        var email = $"forged-{Guid.NewGuid():N}@example.org";
        var forged = await browser.Client.PostAsync("/account/register",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));

        await browser.RegisterAsync(email);
        Assert.True(await factory.InDatabaseAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));
    }

    [Fact]
    public async Task Pages_carry_a_script_policy_without_inline_script_and_cookies_that_scripts_cannot_read()
    {
        var browser = PageBrowser.Open(factory);
        var response = await browser.Client.GetAsync("/account/register");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=\"/js/)", html);

        // Over HTTPS every cookie the pages set is Secure and HttpOnly: the antiforgery cookie, then the session.
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("workflow.antiforgery=", StringComparison.Ordinal));
        var email = $"cookie-{Guid.NewGuid():N}@example.org";
        var form = new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = ApiClient.Password,
            ["__RequestVerificationToken"] = PageBrowser.TokenIn(html),
        };
        var created = await browser.Client.PostAsync("/account/register", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        // Registering signs nobody in (its answer must not differ for a taken address): the session comes with signing in.
        Assert.DoesNotContain(created.Headers.TryGetValues("Set-Cookie", out var none) ? none : [],
            c => c.StartsWith("workflow.session=", StringComparison.Ordinal));
        var signedIn = await browser.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies.AddRange(signedIn.Headers.GetValues("Set-Cookie"));
        var sessionCookie = Assert.Single(cookies, c => c.StartsWith("workflow.session=", StringComparison.Ordinal));
        foreach (var cookie in cookies.Where(c => c.StartsWith("workflow.", StringComparison.Ordinal)))
        {
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("samesite=lax", sessionCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_session_cookie_does_not_open_the_api_and_drafter_pages_ask_to_sign_in()
    {
        var browser = PageBrowser.Open(factory);
        var anonymous = await browser.Client.GetAsync("/drafts");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=%2Fdrafts", anonymous.Headers.Location!.ToString());

        await browser.RegisterAsync();
        await browser.GetHtmlAsync("/drafts");
        // A cookie-bearing request that another site could make the browser send must not reach the API.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/statements")).StatusCode);
    }

    [Fact]
    public async Task Another_drafters_statement_is_refused_through_the_pages_as_through_the_api()
    {
        var owner = await factory.SignedInClientAsync();
        var statement = await owner.CreateStatementAsync();
        var stranger = PageBrowser.Open(factory);
        await stranger.RegisterAsync();
        var html = await stranger.GetHtmlAsync($"/drafts/{statement.Id}", HttpStatusCode.Forbidden);
        Assert.Contains("<h1>Not allowed</h1>", html);
        Assert.DoesNotContain(statement.Title, html);
    }

    [Fact]
    public async Task User_text_is_encoded_on_every_page_that_shows_it()
    {
        const string payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Title " + payload,
            body: "Body " + payload + "\n\n[link](javascript:alert(1))");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var invitation = await drafter.InviteAsync(id, name: "Org " + payload, acronym: null, email: "xss@example.org");
        Assert.Equal(HttpStatusCode.Created, (await drafter.SignAsync(invitation.Token!, signerName: "Signer " + payload)).StatusCode);
        await drafter.PublishAsync(id);

        var reader = PageBrowser.Open(factory);
        foreach (var html in new[]
                 {
                     await reader.GetHtmlAsync($"/statements/{statement.Slug}"),
                     await reader.GetHtmlAsync($"/sign/{invitation.Token}"),
                     await reader.GetHtmlAsync("/statements"),
                 })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("javascript:alert", html);
        }
        Assert.Contains("&lt;script&gt;", await reader.GetHtmlAsync($"/statements/{statement.Slug}"));
    }

    [Fact]
    public async Task A_signing_form_with_a_missing_name_says_so_keeps_the_page_and_records_nothing()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync();
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var token = (await drafter.InviteAsync(id, email: "missing-name@example.org")).Token!;

        var signer = PageBrowser.Open(factory);
        var html = await signer.GetHtmlAsync($"/sign/{token}");
        var hash = System.Text.RegularExpressions.Regex.Match(html, "name=\"Sign.TextHash\" value=\"([0-9a-f]{64})\"").Groups[1].Value;
        var response = await signer.SubmitAsync($"/sign/{token}",
            new Dictionary<string, string> { ["Sign.SignerName"] = "", ["Sign.TextHash"] = hash,
                ["Sign.OrganisationName"] = "Partido Comunista Peruano" }, "Sign");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Signer Name", await response.Content.ReadAsStringAsync());
        var signatures = await drafter.SignaturesAsync(id);
        Assert.Empty(signatures);

        // The text changed under the signer's eyes: 409, and the page shows why.
        var stale = await signer.SubmitAsync($"/sign/{token}",
            new Dictionary<string, string> { ["Sign.SignerName"] = "Ana", ["Sign.TextHash"] = new string('0', 64) }, "Sign");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("not the text you were shown", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signer_corrects_the_organisations_name_and_the_list_shows_the_correction()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync();
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var token = (await drafter.InviteAsync(id, name: "Partido Comunista del Peru", acronym: "PCdP",
            email: "correct@example.org")).Token!;

        var signer = PageBrowser.Open(factory);
        var html = await signer.GetHtmlAsync($"/sign/{token}");
        Assert.Contains("value=\"Partido Comunista del Peru\"", html);
        var hash = System.Text.RegularExpressions.Regex.Match(html, "name=\"Sign.TextHash\" value=\"([0-9a-f]{64})\"").Groups[1].Value;
        var signed = await signer.SubmitAsync($"/sign/{token}", new Dictionary<string, string>
        {
            ["Sign.OrganisationName"] = "Partido Comunista del Perú – Patria Roja", ["Sign.OrganisationAcronym"] = "PCdP-PR",
            ["Sign.SignerName"] = "Ana Quispe", ["Sign.TextHash"] = hash,
        }, "Sign");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var receipt = await signer.GetHtmlAsync($"/sign/{token}");
        Assert.Contains("id=\"receipt-number\">1<", receipt);

        await drafter.PublishAsync(id);
        var list = await drafter.SignatoriesAsync(statement.Slug);
        var only = Assert.Single(list.Signatories);
        Assert.Equal("Partido Comunista del Perú – Patria Roja", only.Name);
        Assert.Equal("PCdP-PR", only.Acronym);
    }
}
