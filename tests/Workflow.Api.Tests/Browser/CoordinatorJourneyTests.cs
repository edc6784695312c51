using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The coordinator's whole job through the pages alone, in chromium: a co-drafter invited and joining (reading German), a
/// deadline with its reminder schedule, invitations with a personal message held until the statement opens, initiators,
/// organisations signing in Spanish, French and Arabic, a text change after signatures (warned, then re-confirmed by a
/// signer who sees the difference), a signature gathered on paper recorded by hand, the signatures table and its CSV, a
/// confirmed publication with its preview, and a further signatory afterwards. Every page on the way passes axe-core and
/// is photographed.
/// </summary>
public sealed class CoordinatorJourneyTests
{
    private const string FirstText = "We call for fair trade rules.\n\nWe ask the governments to act before the summit.";
    private const string SecondText = "We call for fair and binding trade rules.\n\nWe ask the governments to act before the summit.";

    [Fact]
    public async Task A_coordinator_runs_a_joint_statement_from_draft_to_further_signatories_through_the_pages()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var page = browser.Page;
        await browser.RegisterAsync(page, "coordinator@example.org");

        // The draft.
        await page.GotoAsync("/drafts/new");
        await page.GetByLabel("Title").FillAsync("Fair trade before the summit");
        await page.GetByLabel("Text (Markdown)").FillAsync(FirstText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await BrowserSession.ExpectUrlAsync(page, new Regex("/drafts/[0-9a-f-]{36}$"));
        var editor = page.Url;

        // A co-drafter, invited as an editor, joins from the mailed link in a German browser.
        await page.GotoAsync(editor + "/members");
        await page.GetByLabel("E-mail").FillAsync("editor@example.org");
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("Editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation to co-draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#member-invitations .member-invitation-status")).ToHaveTextAsync("Pending");
        await browser.CheckPageAsync(page, "co-drafter-invited");
        var german = PageTexts.In("de");
        var coDrafter = await (await browser.NewContextAsync("de-DE")).NewPageAsync();
        await browser.RegisterAsync(coDrafter, "editor@example.org");
        await coDrafter.GotoAsync((await browser.FirstMailWithLinkAsync("editor@example.org", "/join")).Link);
        await browser.CheckPageAsync(coDrafter, "join-de");
        await coDrafter.GetByRole(AriaRole.Button, new() { Name = german["Join as a co-drafter"] }).ClickAsync();
        await coDrafter.WaitForURLAsync(editor, BrowserSession.Parsed);
        // The co-drafter comments on the second paragraph by choosing it in the text.
        await coDrafter.GotoAsync(editor + "/review");
        await coDrafter.GetByRole(AriaRole.Link, new() { Name = german["Comment on this paragraph"] }).Nth(1).ClickAsync();
        await coDrafter.Locator("#comment-body").FillAsync("Welcher Gipfel? Bitte nennen.");
        await coDrafter.GetByRole(AriaRole.Button, new() { Name = german["Add the comment"] }).ClickAsync();
        await Assertions.Expect(coDrafter.Locator(".comment")).ToContainTextAsync("Welcher Gipfel?");
        await browser.CheckPageAsync(coDrafter, "review-de");

        // The deadline, and when the service will remind the pending invitees.
        await page.GotoAsync(editor + "/deadline");
        var deadline = DateTime.UtcNow.Date.AddDays(30);
        await page.Locator("#deadline-date").FillAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#deadline-time").FillAsync("18:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the deadline" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Signatures are now due by");
        await Assertions.Expect(page.Locator("#reminder-schedule tbody tr")).Not.ToHaveCountAsync(0);
        await browser.CheckPageAsync(page, "deadline");

        // Three organisations invited while it is a draft, each in its language, with a personal message: held until it opens.
        var signers = new[]
        {
            (Name: "Confederación Sindical Andina", Country: "PE", Email: "csa@example.org", Language: "es", Signer: "María Quispe"),
            (Name: "Fédération des travailleurs du Sahel", Country: "SN", Email: "fts@example.org", Language: "fr", Signer: "Awa Diop"),
            (Name: "الاتحاد العام لعمال المغرب", Country: "MA", Email: "ugtm@example.org", Language: "ar", Signer: "مريم العلوي"),
        };
        foreach (var s in signers)
            await InviteAsync(page, editor, s.Name, s.Country, s.Email, s.Language, "We would be honoured to have you among the first.");
        await browser.CheckPageAsync(page, "campaign-held");

        // The first of them initiates the statement.
        await page.GotoAsync(editor + "/initiators");
        await page.Locator("#initiator-q").FillAsync("Confederación Sindical");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Confederación Sindical Andina to the initiators" }).ClickAsync();
        await Assertions.Expect(page.Locator(".initiators")).ToContainTextAsync("Confederación Sindical Andina");
        await browser.CheckPageAsync(page, "initiators");

        // Opening is confirmed on a page that says what will happen.
        await page.GotoAsync(editor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signature" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("3 held invitations will be e-mailed now");
        await browser.CheckPageAsync(page, "confirm-open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signature now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Open for signature");

        // Each organisation signs in its own language, from the link its e-mail carries (with the personal message).
        foreach (var s in signers)
        {
            var (mail, link) = await browser.FirstMailWithLinkAsync(s.Email, "/sign");
            Assert.Contains("We would be honoured to have you among the first.", mail.TextBody);
            Assert.Contains("coordinator@example.org", mail.TextBody);
            var t = PageTexts.In(s.Language);
            var signer = await (await browser.NewContextAsync(s.Language + "-" + s.Country)).NewPageAsync();
            await signer.GotoAsync(link);
            await Assertions.Expect(signer.Locator("html")).ToHaveAttributeAsync("dir", s.Language == "ar" ? "rtl" : "ltr");
            await Assertions.Expect(signer.Locator("h1")).ToHaveTextAsync(t["Invitation to sign"]);
            await browser.CheckPageAsync(signer, $"invitation-{s.Language}");
            await signer.GetByLabel(t["Your name"], new() { Exact = true }).FillAsync(s.Signer);
            await signer.GetByRole(AriaRole.Button, new() { Name = t["Sign the statement"] }).ClickAsync();
            await Assertions.Expect(signer.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Thank you: your signature is recorded."]);
            await browser.CheckPageAsync(signer, $"receipt-{s.Language}");
        }

        // Changing the text after signatures is warned with their number, and the typed text is kept until confirmed.
        await page.GotoAsync(editor);
        await page.GetByLabel("Text (Markdown)").FillAsync(SecondText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reconfirm-warning")).ToContainTextAsync("Signatures that will need re-confirmation: 3.");
        await Assertions.Expect(page.GetByLabel("Text (Markdown)")).ToHaveValueAsync(SecondText);
        await browser.CheckPageAsync(page, "text-change-warning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and ask for re-confirmation (3)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 2.");

        // The Spanish signer opens the link it kept (its receipt), sees what changed since it signed, and confirms the new text.
        var spanish = PageTexts.In("es");
        var reconfirming = await (await browser.NewContextAsync("es-PE")).NewPageAsync();
        await reconfirming.GotoAsync((await browser.FirstMailWithLinkAsync("csa@example.org", "/sign")).Link);
        await Assertions.Expect(reconfirming.Locator(".diff ins").First).ToContainTextAsync("binding");
        await browser.CheckPageAsync(reconfirming, "reconfirm-es");
        await reconfirming.GetByRole(AriaRole.Button, new() { Name = spanish["I confirm the new text"] }).ClickAsync();
        await Assertions.Expect(reconfirming.GetByRole(AriaRole.Status))
            .ToContainTextAsync(spanish["Thank you: your signature now stands for the new text."]);

        // A signature gathered on paper at the conference, recorded by hand.
        await page.GotoAsync(editor + "/signatures");
        await page.Locator("#rec-name").FillAsync("Sindicato Unitario de Trabajadores");
        await page.Locator("#rec-country").SelectOptionAsync("CL");
        await page.Locator("#rec-signer").FillAsync("Jorge Soto");
        await page.GetByLabel("on paper").CheckAsync();
        await page.Locator("#rec-detail").FillAsync("signed at the Santiago conference");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the signature" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sindicato Unitario de Trabajadores is number 4");

        // The campaign counts the two still awaiting re-confirmation; the table shows them, and exports as CSV.
        await page.GotoAsync(editor + "/campaign");
        await Assertions.Expect(page.Locator("#awaiting-reconfirmation strong")).ToHaveTextAsync("2");
        await browser.CheckPageAsync(page, "campaign-awaiting");
        await page.Locator("#awaiting-reconfirmation a").ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(2);
        await browser.CheckPageAsync(page, "signatures-awaiting");
        var csv = await page.APIRequest.GetAsync(editor + "/signatures?handler=Csv");
        var bytes = await csv.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("الاتحاد العام لعمال المغرب", System.Text.Encoding.UTF8.GetString(bytes));

        // Publication: a preview of the list, confirmed.
        await page.GotoAsync(editor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#preview-heading")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sindicato Unitario de Trabajadores");
        await browser.CheckPageAsync(page, "confirm-publish");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statement-state")).ToHaveTextAsync("Published");

        // A further signatory after publication.
        await InviteAsync(page, editor, "Türkiye Devrimci İşçi Sendikaları", "TR", "disk@example.org", "tr", null);
        var turkish = PageTexts.In("tr");
        var later = await (await browser.NewContextAsync("tr-TR")).NewPageAsync();
        await later.GotoAsync((await browser.FirstMailWithLinkAsync("disk@example.org", "/sign")).Link);
        await later.GetByLabel(turkish["Your name"], new() { Exact = true }).FillAsync("Ayşe Yılmaz");
        await later.GetByRole(AriaRole.Button, new() { Name = turkish["Sign the statement"] }).ClickAsync();
        await Assertions.Expect(later.Locator("#receipt-phase")).ToHaveTextAsync(turkish["Subsequent signatories"]);

        // The public page: the initiator first, the re-confirmed and recorded signatures as of publication, the later one after.
        var reader = await (await browser.NewContextAsync("en-GB")).NewPageAsync();
        await browser.GotoAsync(reader, "/statements/fair-trade-before-the-summit");
        await Eventually.ReturnsAsync(async () =>
        {
            await reader.ReloadAsync();
            return await reader.Locator("#subsequent + ol li").CountAsync();
        }, count => count == 1, "the further signatory reaches the public page");
        var initial = await reader.Locator("#initial + ol").InnerTextAsync();
        Assert.Contains("Confederación Sindical Andina", initial);
        Assert.Contains("Sindicato Unitario de Trabajadores", initial);
        Assert.DoesNotContain("Fédération des travailleurs du Sahel", initial);
        Assert.Contains("Türkiye Devrimci İşçi Sendikaları", await reader.Locator("#subsequent + ol").InnerTextAsync());
        await browser.CheckPageAsync(reader, "public-statement");
    }

    private static async Task InviteAsync(IPage page, string editor, string name, string country, string email,
        string language, string? message)
    {
        await page.GotoAsync(editor + "/campaign");
        await page.Locator("#inv-name").FillAsync(name);
        await page.Locator("#inv-country").SelectOptionAsync(country);
        await page.Locator("#inv-email").FillAsync(email);
        await page.Locator("#inv-language").SelectOptionAsync(language);
        if (message is not null) await page.Locator("#inv-message").FillAsync(message);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(email);
    }
}
