using System.Net.Http.Json;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>The signatures page in chromium, at desktop and phone width: axe-core finds nothing serious, and an owner invalidates a
/// signature.</summary>
public sealed class SignaturesPageBrowserTests
{
    [Fact]
    public async Task The_signatures_table_is_accessible_on_a_desktop_and_a_phone_and_an_owner_invalidates_with_a_reason()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        var email = $"coordinator-{Guid.NewGuid():N}@example.org";
        await browser.RegisterAsync(page, email);

        var api = await browser.SignedInApiClientAsync(email);
        var id = (await api.CreateStatementAsync(title: "Solidarity with the people of Peru")).Id;
        await api.OpenAsync(id);
        foreach (var (name, signer, role) in new[]
                 {
                     ("Partido Comunista Peruano", "María Quispe", "Secretaria general"),
                     ("الحزب الشيوعي السوداني", "أحمد علي", "الأمين العام"),
                     ("Российская рабочая партия", "Иван Петров", "Председатель"),
                 })
            (await api.PostAsJsonAsync($"/api/statements/{id}/signatures",
                new { organisation = new { name, registerAsNew = true }, signerName = signer, signerRole = role, note = "by e-mail" }))
                    .EnsureSuccessStatusCode();

        await browser.GotoAsync($"/drafts/{id}/campaign");
        await page.GetByRole(AriaRole.Link, new() { Name = "Signatures", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/drafts/{id}/signatures", BrowserSession.Parsed);
        await Assertions.Expect(page.Locator("#signatures tbody tr")).ToHaveCountAsync(3);
        await browser.CheckPageAsync(page, "desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Organisation (sort)" }).ClickAsync();
        await page.WaitForURLAsync("**/signatures?sort=Organisation", BrowserSession.Parsed);
        await Assertions.Expect(page.Locator("#signatures tbody tr").First).ToContainTextAsync("Partido Comunista Peruano");

        await page.GetByRole(AriaRole.Link, new() { Name = "Correct or invalidate number 3" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "a duplicate" }).CheckAsync();
        await page.GetByLabel("Note (optional)").FillAsync("Signed twice on paper");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I confirm: take this signature off the list." }).CheckAsync();
        await browser.CheckPageAsync(page, "change");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invalidate the signature" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First)
            .ToContainTextAsync("Number 3 (Российская рабочая партия) is invalidated.");
        await Assertions.Expect(page.Locator("tr[data-status='Invalidated']")).ToContainTextAsync("Invalidated: a duplicate");

        await page.SetViewportSizeAsync(390, 844);
        await browser.GotoAsync($"/drafts/{id}/signatures");
        // On a phone each row is a card that names its columns.
        var cell = page.Locator("#signatures tbody tr").First.Locator("td").Nth(1);
        Assert.Equal("\"Signer and role: \"", await cell.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        await browser.CheckPageAsync(page, "phone");
    }
}
