using Microsoft.Playwright;

namespace Workflow.Api.Tests.Browser;

/// <summary>Arabic pages, chosen by the browser's language: right to left, mirrored, and accessible.</summary>
public sealed class RightToLeftPageTests
{
    [Fact]
    public async Task Arabic_pages_read_right_to_left_with_the_header_mirrored()
    {
        await using var browser = await BrowserSession.StartAsync(this, locale: "ar-EG");
        var page = browser.Page;
        foreach (var (path, label) in new[] { ("/statements", "statements"), ("/account/register", "register"),
            ("/account/login", "login") })
        {
            await browser.GotoAsync(page, path);
            Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
            Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
            await browser.CheckPageAsync(page, label);
        }

        // Mirrored: the brand starts the header on the right, the language switch ends it on the left.
        var brand = (await page.Locator(".site-header .brand").BoundingBoxAsync())!;
        var languages = (await page.Locator(".site-header .languages").BoundingBoxAsync())!;
        Assert.True(brand.X > languages.X + languages.Width, $"brand at {brand.X}, languages end at {languages.X + languages.Width}");

        // The switch names every language in its own words; choosing English turns the page left to right.
        await Assertions.Expect(page.Locator(".languages a"))
            .ToHaveTextAsync(["English", "Español", "Français", "Deutsch", "Português", "Русский", "Türkçe", "العربية"]);
        await page.Locator(".languages a[lang=en]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
    }
}
