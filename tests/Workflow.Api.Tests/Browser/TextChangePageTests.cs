using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// In chromium: the drafter who changes a signed text is warned with the number of signatures and the change before it is
/// saved; the signer then sees what changed before confirming. Both pages pass axe-core and are photographed.
/// </summary>
public sealed class TextChangePageTests
{
    [Fact]
    public async Task The_warning_before_changing_a_signed_text_and_the_signers_diff_are_accessible()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        await browser.RegisterAsync(page, "coordinator@example.org");
        var login = await (await browser.Http.PostAsJsonAsync("/api/auth/login", new { email = "coordinator@example.org", password = ApiClient.Password })).JsonAsync();
        browser.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Str("accessToken"));
        var id = (await browser.Http.CreateStatementAsync(title: "Solidarity", body: "We salute the mobilisations.\n\nWe call for solidarity.")).Str("id");
        await browser.Http.OpenAsync(id);
        var token = (await browser.Http.InviteAsync(id, "Partido Comunista del Ecuador", null, "PCE", "EC", "pce@example.org")).Str("token");
        Assert.Equal(System.Net.HttpStatusCode.Created, (await browser.Http.SignAsync(token)).StatusCode);

        await browser.GotoAsync($"/drafts/{id}");
        await page.GetByLabel("Text (Markdown)").FillAsync("We salute the heroic mobilisations.\n\nWe call for solidarity.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reconfirm-warning")).ToContainTextAsync("Signatures that will need re-confirmation: 1.");
        await Assertions.Expect(page.Locator("#reconfirm-warning .diff ins")).ToContainTextAsync("heroic");
        await Assertions.Expect(page.GetByLabel("Text (Markdown)")).ToHaveValueAsync("We salute the heroic mobilisations.\n\nWe call for solidarity.");
        await browser.CheckPageAsync(page, "save-warning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and ask for re-confirmation (1)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 2.");

        var link = await Eventually.ReturnsAsync(async () => (await browser.Factory.MailsAsync())
                .Where(m => m.To.Mailboxes.Any(a => a.Address == "pce@example.org") && (m.Subject ?? "").StartsWith("The text you signed has changed", StringComparison.Ordinal))
                .Select(m => Regex.Match(m.TextBody ?? "", Regex.Escape(browser.BaseUrl) + "/sign/[A-Za-z0-9_-]{43}")).Where(m => m.Success).Select(m => m.Value).LastOrDefault(),
            found => found is not null, "the request to confirm the new text reaches the signer");
        var signer = await (await browser.NewContextAsync("en-GB")).NewPageAsync();
        await browser.GotoAsync(signer, link!);
        await Assertions.Expect(signer.Locator("#reconfirm-heading")).ToHaveTextAsync("The text has changed since you signed");
        await Assertions.Expect(signer.Locator(".diff ins")).ToContainTextAsync("heroic");
        await Assertions.Expect(signer.Locator("#receipt-text-change")).ToContainTextAsync("Your re-confirmation of the new text is awaited");
        await browser.CheckPageAsync(signer, "reconfirm-diff");
        await signer.GetByRole(AriaRole.Button, new() { Name = "I confirm the new text" }).ClickAsync();
        await Assertions.Expect(signer.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you: your signature now stands for the new text.");
        await Assertions.Expect(signer.Locator("#receipt-text-change")).ToContainTextAsync("You re-confirmed the new text on");
    }
}
