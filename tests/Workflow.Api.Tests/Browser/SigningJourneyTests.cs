using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The whole journey through the pages only, in chromium: a drafter writes and revises a statement and invites two organisations;
/// one signs in Spanish with the keyboard alone, one declines; the drafter publishes; a third signs later; the public page shows
/// them in their sections and the chain verifies. Every page on the way passes axe-core and is photographed.
/// </summary>
public sealed class SigningJourneyTests
{
    [Fact]
    public async Task A_statement_is_drafted_signed_published_and_signed_again_through_the_pages()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;

        // The drafter makes an account and a statement, then revises it.
        await browser.RegisterAsync(page, "coordinator@example.org", checkPages: true);
        await browser.CheckPageAsync(page, "dashboard-empty");

        await page.GetByRole(AriaRole.Link, new() { Name = "New statement" }).ClickAsync();
        await browser.CheckPageAsync(page, "new-statement");
        await page.GetByLabel("Title").FillAsync("Solidarity with the people of Peru");
        await page.GetByLabel("Text (Markdown)").FillAsync("We salute the mobilisations.\n\nWe call for solidarity.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await BrowserSession.ExpectUrlAsync(page, new Regex("/drafts/[0-9a-f-]{36}$"));
        var editor = page.Url;

        await page.GetByLabel("Text (Markdown)")
            .FillAsync("We salute the great mobilisations of the peasants and workers.\n\nWe call for international solidarity.");
        await page.GetByLabel("What changed (optional, shown in the history)").FillAsync("Name who mobilises");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 2.");
        await browser.CheckPageAsync(page, "editor");

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.Locator(".diff ins").First).ToContainTextAsync("great");
        await browser.CheckPageAsync(page, "history-diff");

        // A Spanish translation of the revised text, for the signer who reads Spanish.
        await page.GetByRole(AriaRole.Link, new() { Name = "Translations" }).ClickAsync();
        await page.GetByLabel("Language (a code such as es, fr, ar)").FillAsync("es");
        await page.GetByLabel("Title").FillAsync("Solidaridad con el pueblo del Perú");
        await page.GetByLabel("Text (Markdown)")
            .FillAsync("Saludamos las grandes movilizaciones de campesinos y trabajadores.\n\nLlamamos a la solidaridad internacional.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the translation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Translation saved (es, version 1).");

        await page.GotoAsync(editor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signature" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signature now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Open for signature");

        // Two organisations are invited: one to be written to in Spanish.
        await InviteAsync(page, editor, "Partido Comunista Peruano", "PE", "pcp@example.org", "es");
        await InviteAsync(page, editor, "Bloque Popular", "PE", "bp@example.org", "en");
        await browser.CheckPageAsync(page, "campaign-invited");

        // The Spanish signer reads the text in Spanish and signs with the keyboard alone.
        var spanishContext = await browser.NewContextAsync("es-ES");
        var signer = await spanishContext.NewPageAsync();
        await signer.GotoAsync(await browser.LatestMailedLinkAsync("pcp@example.org", "/sign"));
        await Assertions.Expect(signer.Locator("h1")).ToHaveTextAsync("Invitación a firmar");
        // Without a choice, the text in the signer's language; the original is one link away.
        await Assertions.Expect(signer.Locator("article.statement-text[lang=es] h2")).ToHaveTextAsync("Solidaridad con el pueblo del Perú");
        await Assertions.Expect(signer.GetByRole(AriaRole.Navigation, new() { Name = "Idioma del texto" }).GetByRole(AriaRole.Link))
            .ToHaveCountAsync(2);
        await browser.CheckPageAsync(signer, "invitation-es");
        await TabToAsync(signer, "signer-name");
        await signer.Keyboard.TypeAsync("María Quispe");
        await signer.Keyboard.PressAsync("Tab");
        await signer.Keyboard.TypeAsync("Secretaria general");
        await signer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(signer.GetByRole(AriaRole.Status)).ToContainTextAsync("Gracias: su firma ha quedado registrada.");
        await Assertions.Expect(signer.Locator("#receipt-number")).ToHaveTextAsync("1");
        await browser.CheckPageAsync(signer, "receipt-es");

        // The other declines, with a reason.
        var decliner = await (await browser.NewContextAsync("en-GB")).NewPageAsync();
        await decliner.GotoAsync(await browser.LatestMailedLinkAsync("bp@example.org", "/sign"));
        await decliner.GetByLabel("Reason (optional, shared with the drafters)").FillAsync("Our congress has not discussed it.");
        await decliner.GetByRole(AriaRole.Button, new() { Name = "Decline the invitation" }).ClickAsync();
        await Assertions.Expect(decliner.GetByRole(AriaRole.Status)).ToContainTextAsync("you declined");
        await browser.CheckPageAsync(decliner, "declined");

        // The drafter sees both answers, publishes, and invites a third organisation.
        await page.GotoAsync(editor + "/campaign");
        await Assertions.Expect(page.Locator("td.invitation-status[data-status=Signed]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("td.invitation-status[data-status=Declined]")).ToHaveCountAsync(1);
        await page.GotoAsync(editor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Published");
        await InviteAsync(page, editor, "Partido Comunista Revolucionario", "CL", "pcr@example.org", "en");

        var later = await (await browser.NewContextAsync("en-GB")).NewPageAsync();
        await later.GotoAsync(await browser.LatestMailedLinkAsync("pcr@example.org", "/sign"));
        await later.GetByLabel("Your name", new() { Exact = true }).FillAsync("Jorge Soto");
        await later.GetByRole(AriaRole.Button, new() { Name = "Sign the statement" }).ClickAsync();
        await Assertions.Expect(later.Locator("#receipt-number")).ToHaveTextAsync("2");
        await Assertions.Expect(later.Locator("#receipt-phase")).ToHaveTextAsync("Subsequent signatories");

        // The public page: 1 among the initial signatories, 2 among the subsequent ones (once the cache has heard of it).
        var reader = await (await browser.NewContextAsync("en-GB")).NewPageAsync();
        await browser.GotoAsync(reader, "/statements");
        await browser.CheckPageAsync(reader, "public-list");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Solidarity with the people of Peru" }).ClickAsync();
        await Eventually.ReturnsAsync(async () =>
        {
            await reader.ReloadAsync();
            return await reader.Locator("#subsequent + ol li").CountAsync();
        }, count => count == 1, "the subsequent signatory reaches the public page");
        Assert.Equal("1", await reader.Locator("#initial + ol li").First.GetAttributeAsync("value"));
        Assert.Contains("Partido Comunista Peruano", await reader.Locator("#initial + ol").InnerTextAsync());
        Assert.Equal("2", await reader.Locator("#subsequent + ol li").First.GetAttributeAsync("value"));
        Assert.Contains("Partido Comunista Revolucionario", await reader.Locator("#subsequent + ol").InnerTextAsync());
        Assert.DoesNotContain("Bloque Popular", await reader.Locator(".signatories").InnerTextAsync());
        await browser.CheckPageAsync(reader, "public-statement");

        // And the log behind the list holds: the page says what was checked, and how to check it oneself.
        await reader.GetByRole(AriaRole.Link, new() { Name = "Check the list" }).ClickAsync();
        await Assertions.Expect(reader.Locator("#verdict")).ToContainTextAsync("Every check holds");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Check it yourself" })).ToBeVisibleAsync();
        await browser.CheckPageAsync(reader, "verify");
    }

    private static async Task InviteAsync(IPage page, string editor, string name, string country, string email, string language)
    {
        await page.GotoAsync(editor + "/campaign");
        await page.GetByLabel("Organisation name").FillAsync(name);
        await page.Locator("#inv-country").SelectOptionAsync(country);
        await page.GetByLabel("E-mail of the person who signs for it").FillAsync(email);
        await page.GetByLabel("Language of the invitation e-mail").SelectOptionAsync(language);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation sent to {email}.");
    }

    /// <summary>Presses Tab until the field has the focus, as someone without a mouse does.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id") == id) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"#{id} cannot be reached with the Tab key.");
    }
}
