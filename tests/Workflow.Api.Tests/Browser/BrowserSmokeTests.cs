using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>Proves the browser-test set-up end to end on pages the service already serves, for the seed statements.</summary>
public sealed class BrowserSmokeTests
{
    private static async Task<(string Slug, string Title)> FirstSeedStatementAsync(BrowserSession browser)
    {
        var statements = await (await browser.Http.GetAsync("/api/public/statements")).JsonArrayAsync();
        Assert.NotEmpty(statements);
        return (statements[0].Str("slug"), statements[0].Str("title"));
    }

    [Fact]
    public async Task The_printable_page_of_a_seed_statement_opens_in_chromium_titled_and_accessible()
    {
        await using var browser = await BrowserSession.StartAsync(this, importSeeds: true);
        var (slug, title) = await FirstSeedStatementAsync(browser);

        await browser.GotoAsync($"/statements/{slug}/print");

        Assert.Equal(title, await browser.Page.TitleAsync());
        Assert.Equal(title, (await browser.Page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await browser.Page.Locator("ol.signatories li").CountAsync() > 0);
        await browser.AssertAccessibleAsync();
        Assert.True(File.Exists(await browser.ScreenshotAsync("print")));
    }

    [Fact]
    public async Task The_widget_of_a_seed_statement_renders_with_its_count_and_a_link_to_the_statement()
    {
        await using var browser = await BrowserSession.StartAsync(this, importSeeds: true, locale: "es-ES");
        var (slug, title) = await FirstSeedStatementAsync(browser);

        await browser.GotoAsync($"/statements/{slug}/widget");

        Assert.Equal(title, (await browser.Page.Locator("strong").InnerTextAsync()).Trim());
        // The first statement listed is the Caracas declaration, whose source names only some of the parties that agreed it.
        Assert.Matches(@"^\d+ signator(y|ies)( named \(the list is partial\))?$",
            (await browser.Page.Locator("p").Nth(1).InnerTextAsync()).Trim());
        // The link is built from PublicBaseUrl, which is the address the browser is on.
        Assert.Equal($"{browser.BaseUrl}/statements/{slug}", await browser.Page.Locator("a").GetAttributeAsync("href"));
        Assert.True(await browser.Page.Locator("a").IsVisibleAsync());
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("widget");
    }

    [Fact]
    public async Task The_accessibility_check_fails_listing_each_serious_violation_with_its_elements()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        await browser.Page.SetContentAsync("""<html><body><img id="photo" src="data:,"><button></button></body></html>""");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => browser.AssertAccessibleAsync());

        Assert.Contains("- image-alt (critical): Images must have alternative text", failure.Message);
        Assert.Contains("at #photo", failure.Message);
        Assert.Contains("- button-name (critical):", failure.Message);
        Assert.Contains("at button", failure.Message); // axe names the shortest selector that finds the element
        Assert.Contains("- html-has-lang (serious):", failure.Message);
    }

    [Fact]
    public void A_missing_chromium_fails_saying_how_to_install_it()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => BrowserSession.RequireChromium("/nonexistent/chromium"));
        Assert.Contains("apt-get install -y chromium", failure.Message);
    }
}
