using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The signer's pages walked in the signer's own language — Spanish, French and Arabic (right to left) — from the e-mailed link
/// to the receipt: every word comes from that language's resources, the text is shown in that language, and each page passes
/// axe-core and is photographed.
/// </summary>
public sealed class SignerLanguagesTests
{
    public static TheoryData<string, string, string, string> Signers => new()
    {
        { "es-ES", "es", "Solidaridad con el pueblo del Perú", "Saludamos las movilizaciones.\n\nLlamamos a la solidaridad." },
        { "fr-FR", "fr", "Solidarité avec le peuple du Pérou", "Nous saluons les mobilisations.\n\nNous appelons à la solidarité." },
        { "ar-EG", "ar", "التضامن مع شعب بيرو", "نحيي التعبئة الشعبية.\n\nندعو إلى التضامن." },
    };

    [Theory]
    [MemberData(nameof(Signers))]
    public async Task An_invited_organisation_reads_signs_and_keeps_its_receipt_in_its_own_language(string locale, string language,
        string title, string body)
    {
        await using var browser = await BrowserSession.StartAsync(this, locale: locale, testName: $"signer-{language}");
        var t = PageTexts.In(language);
        var owner = await ApiClient.SignedInClientAsync(browser.Http.BaseAddress!, browser.Factory.MailPickupDirectory);
        var statement = (await owner.CreateStatementAsync()).Id;
        Assert.Equal(HttpStatusCode.Created, (await owner.PutAsJsonAsync($"/api/statements/{statement}/translations/{language}",
            new { title, body, translatesVersion = 1 })).StatusCode);
        var email = $"signer-{language}@example.org";
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/statements/{statement}/invitations",
            new { organisation = new { name = "Partido Comunista Peruano", country = "PE" }, email, language })).StatusCode);
        await owner.OpenAsync(statement);

        var signer = browser.Page;
        await signer.GotoAsync(await browser.LatestMailedLinkAsync(email, "/sign"));
        var html = signer.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(html).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await Assertions.Expect(signer.Locator("h1")).ToHaveTextAsync(t["Invitation to sign"]);
        // The text in the signer's language first; the original one link away.
        await Assertions.Expect(signer.Locator($"article.statement-text[lang={language}] h2")).ToHaveTextAsync(title);
        await Assertions.Expect(signer.GetByRole(AriaRole.Navigation, new() { Name = t["Language of the text"] }).GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await browser.CheckPageAsync(signer, $"invitation-{language}");

        await signer.GetByLabel(t["Your name"], new() { Exact = true }).FillAsync(language == "ar" ? "مريم الكيشوا" : "María Quispe");
        await signer.GetByRole(AriaRole.Button, new() { Name = t["Sign the statement"] }).ClickAsync();
        await Assertions.Expect(signer.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Thank you: your signature is recorded."]);
        await Assertions.Expect(signer.Locator("#receipt-number")).ToHaveTextAsync("1");
        await Assertions.Expect(html).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await browser.CheckPageAsync(signer, $"receipt-{language}");
        // Nothing on the way fell back to English: the page holds none of the English originals of its words.
        var words = await signer.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Invitation to sign", words);
        Assert.DoesNotContain("your signature", words, StringComparison.OrdinalIgnoreCase);
    }
}
