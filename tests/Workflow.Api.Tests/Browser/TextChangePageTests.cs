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
        var api = await browser.SignedInApiClientAsync("coordinator@example.org");
        var id = (await api.CreateStatementAsync(title: "Solidarity", body: "We salute the mobilisations.\n\nWe call for solidarity.")).Id;
        await api.OpenAsync(id);
        var token = (await api.InviteAsync(id, "Partido Comunista del Ecuador", null, "PCE", "EC", "pce@example.org")).Token!;
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.SignAsync(token)).StatusCode);

        await browser.GotoAsync($"/drafts/{id}");
        await page.GetByLabel("Text (Markdown)").FillAsync("We salute the heroic mobilisations.\n\nWe call for solidarity.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reconfirm-warning")).ToContainTextAsync("Signatures that will need re-confirmation: 1.");
        await Assertions.Expect(page.Locator("#reconfirm-warning .diff ins")).ToContainTextAsync("heroic");
        await Assertions.Expect(page.GetByLabel("Text (Markdown)"))
            .ToHaveValueAsync("We salute the heroic mobilisations.\n\nWe call for solidarity.");
        await browser.CheckPageAsync(page, "save-warning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and ask for re-confirmation (1)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 2.");

        var link = await browser.LatestMailedLinkAsync("pce@example.org", "/sign", subjectStart: "The text you signed has changed");
        var signer = await (await browser.NewContextAsync("en-GB")).NewPageAsync();
        await browser.GotoAsync(signer, link);
        await Assertions.Expect(signer.Locator("#reconfirm-heading")).ToHaveTextAsync("The text has changed since you signed");
        await Assertions.Expect(signer.Locator(".diff ins")).ToContainTextAsync("heroic");
        await Assertions.Expect(signer.Locator("#receipt-text-change"))
            .ToContainTextAsync("Your re-confirmation of the new text is awaited");
        await browser.CheckPageAsync(signer, "reconfirm-diff");
        await signer.GetByRole(AriaRole.Button, new() { Name = "I confirm the new text" }).ClickAsync();
        await Assertions.Expect(signer.GetByRole(AriaRole.Status))
            .ToContainTextAsync("Thank you: your signature now stands for the new text.");
        await Assertions.Expect(signer.Locator("#receipt-text-change")).ToContainTextAsync("You re-confirmed the new text on");
    }
}
