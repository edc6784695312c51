using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>The pages the journey does not pass through, each checked with axe-core and photographed; right-to-left text; two-factor
/// sign-in.</summary>
public sealed class EveryPageTests
{
    [Fact]
    public async Task Review_translations_sign_on_and_the_remaining_pages_are_accessible_and_right_to_left_text_reads_right_to_left()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        await browser.RegisterAsync(page, $"drafter-{Guid.NewGuid():N}@example.org");

        await page.GotoAsync("/drafts/new");
        await page.GetByLabel("Title").FillAsync("Hands off Peru!");
        await page.GetByLabel("Text (Markdown)").FillAsync("We condemn the repression.\n\nWe demand the release of the prisoners.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await BrowserSession.ExpectUrlAsync(page, new Regex("/drafts/[0-9a-f-]{36}$"));
        var editor = page.Url;

        // Comments and amendments.
        await page.GotoAsync(editor + "/review");
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("Name the prisoners?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
        await page.Locator("#amend-paragraph").SelectOptionAsync("2");
        await page.Locator("#amend-text").FillAsync("We demand the release of all political prisoners.");
        await page.Locator("#amend-rationale").FillAsync("Clearer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("article.amendment")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".comment")).ToContainTextAsync("Name the prisoners?");
        await browser.CheckPageAsync(page, "review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Amendment accepted");

        // A translation in a right-to-left script.
        await page.GotoAsync(editor + "/translations");
        await page.GetByLabel("Language (a code such as es, fr, ar)").FillAsync("ar");
        await page.GetByLabel("Title").FillAsync("ارفعوا أيديكم عن بيرو!");
        await page.GetByLabel("Text (Markdown)").FillAsync("ندين القمع.\n\nنطالب بالإفراج عن جميع السجناء السياسيين.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the translation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Translation saved (ar, version 1).");
        await browser.CheckPageAsync(page, "translations");

        // Open, turn the public form on, publish; then the public pages, in Arabic and in Spanish.
        await page.GotoAsync(editor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signature" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signature now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Open for signature");
        await page.GotoAsync(editor + "/campaign");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn the public form on" }).ClickAsync();
        await page.GotoAsync(editor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Published");

        var visitor = await (await browser.NewContextAsync("es-ES")).NewPageAsync();
        await browser.GotoAsync(visitor, "/statements/hands-off-peru?lang=ar");
        var arabic = visitor.Locator("article.statement-text");
        Assert.Equal("rtl", await arabic.GetAttributeAsync("dir"));
        Assert.Equal("ar", await arabic.GetAttributeAsync("lang"));
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Hands off Peru!");
        await browser.CheckPageAsync(visitor, "public-statement-ar");
        // What the proof shows, in the visitor's language, with the server's checks.
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Comprobar la lista" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#verdict")).ToContainTextAsync("Todas las comprobaciones se cumplen");
        await browser.CheckPageAsync(visitor, "verify-list-es");
        await browser.GotoAsync(visitor, "/statements/hands-off-peru?lang=ar");

        await visitor.GetByRole(AriaRole.Link, new() { Name = "Firme esta declaración en nombre de su organización" }).ClickAsync();
        await browser.CheckPageAsync(visitor, "sign-on-form-es");
        await visitor.GetByLabel("Nombre", new() { Exact = true }).FillAsync("Frente de Defensa");
        await visitor.Locator("#org-country").SelectOptionAsync("PE");
        await visitor.GetByLabel("Su correo electrónico (le enviaremos allí el enlace de confirmación)").FillAsync("fd@example.org");
        await visitor.GetByLabel("Su nombre").FillAsync("Rosa Huamán");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#sign-on-sent")).ToBeVisibleAsync();

        await visitor.GotoAsync(await browser.LatestMailedLinkAsync("fd@example.org", "/sign-on"));
        await browser.CheckPageAsync(visitor, "sign-on-link-es");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Confirmar mi firma" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#sign-on-state")).ToHaveTextAsync("Pendiente de revisión");

        // The drafter's moderation queue, then approval puts the organisation on the list.
        await page.GotoAsync(editor + "/campaign");
        await Assertions.Expect(page.Locator("article.sign-on")).ToContainTextAsync("Frente de Defensa");
        await browser.CheckPageAsync(page, "campaign-moderation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved: Frente de Defensa is number 1 on the list.");

        await browser.GotoAsync(visitor, "/statements");
        await browser.CheckPageAsync(visitor, "public-list-es");
        var missing = await visitor.GotoAsync("/statements/no-such-statement");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("No encontrado");
        await browser.CheckPageAsync(visitor, "not-found-es");
    }

    [Fact]
    public async Task A_co_drafter_follows_the_emailed_link_signs_in_and_joins()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        // The owner works through the API here; the invited person only through the pages.
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        var statement = await InvitedToCoDraftAsync(browser, "Hands off Peru!", email, "Editor");
        var link = await browser.LatestMailedLinkAsync(email, "/join");

        var page = browser.Page;
        await page.GotoAsync(link);
        await page.WaitForURLAsync("**/account/login?ReturnUrl=**", BrowserSession.Parsed);
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).Last.ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await page.WaitForURLAsync("**/account/check-email**", BrowserSession.Parsed);
        // Back to the link before confirming: it asks to sign in, and signing in leads back to where the link pointed.
        await page.GotoAsync(link);
        await page.WaitForURLAsync("**/account/login?ReturnUrl=**", BrowserSession.Parsed);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync(link, BrowserSession.Parsed);
        await Assertions.Expect(page.Locator("main p").First).ToContainTextAsync("Hands off Peru!");
        // Not yet confirmed: the page says which account can accept, and offers no way to join.
        await Assertions.Expect(page.Locator("#join-refusal")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Join as a co-drafter" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"{email[0]}•••@example.org");
        await browser.CheckPageAsync(page, "join-refused");
        // Confirmed through the mailed link, the same account may join.
        await browser.ConfirmFromMailAsync(page, email);
        await page.GotoAsync(link);
        await browser.CheckPageAsync(page, "join");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join as a co-drafter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/drafts/{statement.Id}$"), BrowserSession.Parsed);
        await Assertions.Expect(page.GetByLabel("Text (Markdown)")).ToBeEditableAsync();
    }

    [Fact]
    public async Task A_co_drafting_link_opened_in_another_account_says_whose_it_is_and_signs_in_as_that_person()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var invited = $"quispe-{Guid.NewGuid():N}@example.org";
        var statement = await InvitedToCoDraftAsync(browser, "Only for Quispe", invited, "Owner");
        Assert.True((await browser.Http.PostAsync("/api/auth/register",
            System.Net.Http.Json.JsonContent.Create(new { email = invited, password = ApiClient.Password }))).IsSuccessStatusCode);
        await browser.Factory.ConfirmEmailAsync(invited);
        var link = await browser.LatestMailedLinkAsync(invited, "/join");

        // Someone else, signed in with their own account, follows the forwarded link.
        var page = browser.Page;
        await browser.RegisterAsync(page, $"someone-else-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#join-refusal")).ToContainTextAsync("q•••@example.org");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Join as a co-drafter" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out and sign in with q•••@example.org" }).ClickAsync();

        await page.WaitForURLAsync("**/account/login?ReturnUrl=**", BrowserSession.Parsed);
        await page.GetByLabel("E-mail").FillAsync(invited);
        await page.GetByLabel("Password").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync(link, BrowserSession.Parsed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join as a co-drafter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/drafts/{statement.Id}$"), BrowserSession.Parsed);
    }

    /// <summary>A new statement, whose owner (working through the API) invites <paramref name="email"/> to co-draft it as
    /// <paramref name="role"/>.</summary>
    private static async Task<Workflow.Core.Statements.StatementDetails> InvitedToCoDraftAsync(BrowserSession browser, string title,
        string email, string role)
    {
        var owner = await ApiClient.SignedInClientAsync(browser.Http.BaseAddress!, browser.Factory.MailPickupDirectory);
        var statement = await owner.CreateStatementAsync(title: title);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await owner.PostAsync($"/api/statements/{statement.Id}/members/invitations",
            System.Net.Http.Json.JsonContent.Create(new { email, role }))).StatusCode);
        return statement;
    }
}
