using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>The Co-drafters tab in a browser: an owner invites someone with a role, who accepts through the mailed link and appears with
/// it.</summary>
public sealed class CoDraftersPageTests
{
    [Fact]
    public async Task An_owner_invites_a_co_drafter_on_the_page_who_accepts_through_the_mailed_link_and_appears_with_their_role()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        await browser.RegisterAsync(page, $"owner-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/drafts/new");
        await page.GetByLabel("Title").FillAsync("Drafted together");
        await page.GetByLabel("Text (Markdown)").FillAsync("We stand together.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await BrowserSession.ExpectUrlAsync(page, new Regex("/drafts/[0-9a-f-]{36}$"));
        var statement = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Co-drafters" }).First.ClickAsync();
        await BrowserSession.ExpectUrlAsync(page, new Regex(Regex.Escape(statement) + "/members$"));
        await browser.CheckPageAsync(page, "members-alone");
        var email = $"commenter-{Guid.NewGuid():N}@example.org";
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("Commenter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation to co-draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status))
            .ToContainTextAsync($"An invitation to co-draft as Commenter was sent to {email}.");
        await Assertions.Expect(page.Locator("#member-invitations")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator("#member-invitations .member-invitation-status")).ToHaveTextAsync("Pending");
        await browser.CheckPageAsync(page, "members-invited");

        // The invited person, in a browser of their own: an account of that address, then the link from the e-mail.
        var link = await browser.LatestMailedLinkAsync(email, "/join");
        var invited = await (await browser.NewContextAsync("en-GB")).NewPageAsync();
        await browser.RegisterAsync(invited, email);
        await invited.GotoAsync(link);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Join as a co-drafter" }).ClickAsync();
        await invited.WaitForURLAsync(statement, BrowserSession.Parsed);
        await invited.GetByRole(AriaRole.Link, new() { Name = "Co-drafters" }).First.ClickAsync();
        await Assertions.Expect(invited.Locator($"tr[data-member='{email}'] .member-role")).ToHaveTextAsync("Commenter");
        // A commenter sees who drafts, but neither the form to invite nor the controls of the roles.
        await Assertions.Expect(invited.GetByRole(AriaRole.Button, new() { Name = "Send the invitation to co-draft" })).ToHaveCountAsync(0);
        await Assertions.Expect(invited.Locator("select")).ToHaveCountAsync(0);
        await browser.CheckPageAsync(invited, "members-as-commenter");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"tr[data-member='{email}'] select")).ToHaveValueAsync("Commenter");
        await Assertions.Expect(page.Locator("#member-invitations .member-invitation-status")).ToHaveTextAsync("Accepted");
        await browser.CheckPageAsync(page, "members-joined");
    }
}
