using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workflow.Api.Tests.Browser;

/// <summary>Issue 17 in the browser: a comment made by choosing its paragraph, publishing confirmed with the list's preview, tables on a
/// phone.</summary>
public sealed class SafeActsBrowserTests
{
    [Fact]
    public async Task A_comment_is_made_by_choosing_the_paragraph_and_publishing_is_confirmed_with_a_preview_of_the_list()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        await browser.RegisterAsync(page, $"drafter-{Guid.NewGuid():N}@example.org");

        await page.GotoAsync("/drafts/new");
        await page.GetByLabel("Title").FillAsync("Hands off Peru!");
        await page.GetByLabel("Text (Markdown)")
            .FillAsync("We condemn the repression.\n\nWe demand the release of the prisoners.\n\nLong live solidarity.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await BrowserSession.ExpectUrlAsync(page, new Regex("/drafts/[0-9a-f-]{36}$"));
        var editor = page.Url;

        // The paragraph is chosen in the text: its link sets the form's choice and puts the cursor where the comment is written.
        await page.GotoAsync(editor + "/review");
        await page.GetByRole(AriaRole.Link, new() { Name = "Comment on this paragraph (paragraph 2)", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#comment-paragraph")).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("#comment-body")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Name the prisoners, one by one.");
        await browser.CheckPageAsync(page, "review-paragraph-chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the comment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#p2 .comment")).ToContainTextAsync("Name the prisoners, one by one.");
        await Assertions.Expect(page.Locator("#p1 .comment")).ToHaveCountAsync(0);

        // Opening is confirmed on a page that says what happens.
        await page.GotoAsync(editor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signature" }).ClickAsync();
        await Assertions.Expect(page.Locator("#consequences")).ToContainTextAsync("No invitation is waiting");
        await browser.CheckPageAsync(page, "confirm-open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signature now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Open for signature");

        // Publishing: the public list as it will look, as of the moment chosen (here: now), then the act.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator("#publish-preview h3")).ToContainTextAsync("further signatories possible");
        await Assertions.Expect(page.Locator("#consequences")).ToContainTextAsync("The list becomes public as of");
        await Assertions.Expect(page.GetByLabel("Date and time (UTC); leave empty for the moment you publish")).ToBeVisibleAsync();
        await browser.CheckPageAsync(page, "confirm-publish-preview");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Open for signature");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Published");

        // On a phone, each row of a table reads as a small card of labelled values.
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/drafts");
        await Assertions.Expect(page.Locator("table.table td").First).ToHaveCSSAsync("display", "block");
        await browser.CheckPageAsync(page, "my-statements-phone");
    }
}
