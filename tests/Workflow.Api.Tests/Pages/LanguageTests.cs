using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workflow.Api.Tests.Support;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Drafting;
using Workflow.Core.Statements;

namespace Workflow.Api.Tests.Pages;

public sealed partial class LanguageTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task The_interface_follows_the_browsers_language_and_the_switch_overrides_it()
    {
        var spanish = PageBrowser.Open(factory, "es-PE,es;q=0.9");
        var html = await spanish.GetHtmlAsync("/statements");
        Assert.Contains("<html lang=\"es\"", html);
        Assert.Contains("<h1>Declaraciones publicadas</h1>", html);

        var english = PageBrowser.Open(factory, "en-GB");
        Assert.Contains("<h1>Published statements</h1>", await english.GetHtmlAsync("/statements"));
        var switched = await english.Client.GetAsync("/language?culture=es&returnUrl=%2Fstatements");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/statements", switched.Headers.Location!.ToString());
        Assert.Contains("<h1>Declaraciones publicadas</h1>", await english.GetHtmlAsync("/statements"));

        // The switch returns only to this site.
        var away = await english.Client.GetAsync("/language?culture=en&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", away.Headers.Location!.ToString());
    }

    [Fact]
    public void Every_text_the_pages_use_has_its_Spanish_translation()
    {
        var pages = Path.Combine(RepositoryPaths.Root, "src", "Workflow.Api", "Pages");
        var entries = XDocument.Load(Path.Combine(pages, "Texts.es.resx")).Root!.Elements("data").ToList();
        // Resource names are compiled case-insensitively: "Closed" and "closed" would keep only one of the two.
        var clashes = entries.GroupBy(d => ((string)d.Attribute("name")!).ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only in case: " + string.Join(" | ", clashes));
        var spanish = entries.ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        var used = Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet();
        // States and kinds are shown by their names.
        used.UnionWith(Enum.GetNames<StatementState>().Concat(Enum.GetNames<InvitationStatus>()).Concat(Enum.GetNames<SignatureStatus>())
            .Concat(Enum.GetNames<SignOnState>()).Append("Lapsed").Concat(Enum.GetNames<AmendmentKind>())
                .Concat(Enum.GetNames<AmendmentState>())
            .Concat(Enum.GetNames<StatementRole>()));

        Assert.True(used.Count > 200, $"Only {used.Count} texts found: is the pattern still right?");
        var missing = used.Where(k => !spanish.TryGetValue(k, out var es) || string.IsNullOrWhiteSpace(es)).OrderBy(k => k).ToList();
        Assert.True(missing.Count == 0, "No Spanish for: " + string.Join(" | ", missing));
        // Placeholders survive translation.
        foreach (var (key, es) in spanish)
            Assert.True(Placeholder().Matches(key).Select(m => m.Value).Order()
                .SequenceEqual(Placeholder().Matches(es).Select(m => m.Value).Order()), key);
    }

    /// <summary>The languages other than English, each with its own resource files.</summary>
    public static TheoryData<string> Translated => new(InterfaceLanguages.All.Where(l => l != InterfaceLanguages.Default));

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_text_the_pages_use_is_in_every_language(string language)
    {
        var pages = Path.Combine(RepositoryPaths.Root, "src", "Workflow.Api", "Pages");
        var used = XDocument.Load(Path.Combine(pages, "Texts.es.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .ToList();
        AssertComplete(Path.Combine(pages, $"Texts.{language}.resx"), used);
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_domain_and_validation_message_is_in_every_language(string language)
    {
        var messages = Path.Combine(RepositoryPaths.Root, "src", "Workflow.Core", "Common");
        var keys = XDocument.Load(Path.Combine(messages, "Messages.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), Messages.Keys);
        AssertComplete(Path.Combine(messages, $"Messages.{language}.resx"), keys);
        Assert.All(keys, key => Assert.NotNull(Messages.Exact(key, System.Globalization.CultureInfo.GetCultureInfo(language))));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_email_text_the_code_uses_is_in_every_language(string language)
    {
        var email = Path.Combine(RepositoryPaths.Root, "src", "Workflow.Infrastructure", "Email");
        var used = Directory.EnumerateFiles(email, "*.cs")
            .Select(File.ReadAllText).Where(code => code.Contains("EmailTexts(", StringComparison.Ordinal))
            .SelectMany(code => EmailTextKey().Matches(code).Select(m => Regex.Unescape(m.Groups[1].Value))).Distinct().ToList();
        AssertComplete(Path.Combine(email, $"EmailTexts.{language}.resx"), used);
    }

    /// <summary>Each key has a translation that keeps its placeholders, and no two keys differ only in case.</summary>
    private static void AssertComplete(string resx, IReadOnlyCollection<string> keys)
    {
        var entries = XDocument.Load(resx).Root!.Elements("data").ToList();
        var clashes = entries.GroupBy(d => ((string)d.Attribute("name")!).ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToList();
        Assert.True(clashes.Count == 0, $"{Path.GetFileName(resx)}: keys that differ only in case: " + string.Join(" | ", clashes));
        var translated = entries.ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
        var missing = keys.Where(k => !translated.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text))
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            $"{Path.GetFileName(resx)} lacks {missing.Count} of {keys.Count}: " + string.Join(" | ", missing.Take(40)));
        var broken = translated.Where(e => !Placeholder().Matches(e.Key).Select(m => m.Value).Order()
            .SequenceEqual(Placeholder().Matches(e.Value).Select(m => m.Value).Order()))
            .Select(e => e.Key).ToList();
        Assert.True(broken.Count == 0, $"{Path.GetFileName(resx)}: placeholders changed in: " + string.Join(" | ", broken));
    }

    [Fact]
    public async Task Problem_details_come_in_the_language_the_client_accepts()
    {
        var french = factory.CreateClient();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-CA,fr;q=0.9");
        var notFound = await french.GetAsync("/api/public/sign-ons/no-such-token");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var problem = (await notFound.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Introuvable", (string?)problem["title"]);
        Assert.Equal("L'adhésion est introuvable.", (string?)problem["detail"]);

        // A message with a value in it: the state is translated too.
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync()).Id;
        drafter.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar-EG");
        var conflict = await drafter.PostEmptyAsync($"/api/statements/{id}/publish");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        problem = (await conflict.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("تعارض", (string?)problem["title"]);
        Assert.Equal("لا يمكن نشر إلا بيان مفتوح للتوقيع (الحالة: مسودة).", (string?)problem["detail"]);

        // Validation: FluentValidation's own messages and ours, under the field names clients read as keys.
        var arabic = factory.CreateClient();
        arabic.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var invalid = await arabic.PostAsJsonAsync("/api/auth/register", new { email = "not an address", password = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        problem = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("الطلب غير صالح.", (string?)problem["title"]);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("email") && errors.ContainsKey("password"), errors.ToJsonString());
        Assert.DoesNotContain(errors.SelectMany(e => e.Value!.AsArray()), m => AsciiOnly().IsMatch((string)m!));

        // English stays English.
        var english = await factory.CreateClient().GetAsync("/api/public/sign-ons/no-such-token");
        Assert.Equal("No sign-on was found.", (string?)(await english.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }

    [Fact]
    public async Task The_validation_summary_of_a_page_is_in_the_pages_language()
    {
        var browser = PageBrowser.Open(factory, "de-AT,de;q=0.9");
        var html = await browser.GetHtmlAsync("/account/register");
        var response = await browser.Client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageBrowser.TokenIn(html), ["Email"] = "not an address", ["Password"] = ApiClient.Password,
        }));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\"", page);
        Assert.Contains("keine gültige E-Mail-Adresse", page);
    }

    [Fact]
    public async Task The_switch_offers_every_language_in_its_own_name_and_Arabic_pages_read_right_to_left()
    {
        var arabic = PageBrowser.Open(factory, "ar-EG,ar;q=0.9");
        var html = WebUtility.HtmlDecode(await arabic.GetHtmlAsync("/statements"));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\"", html);
        foreach (var name in new[] { "English", "Español", "Français", "Deutsch", "Português", "Русский", "Türkçe", "العربية" })
            Assert.Contains($">{name}</a>", html);

        var portuguese = PageBrowser.Open(factory, "pt-BR");
        Assert.Contains("<html lang=\"pt\" dir=\"ltr\"", await portuguese.GetHtmlAsync("/statements"));
        // The switch's cookie wins over the browser's language.
        await arabic.Client.GetAsync("/language?culture=ru&returnUrl=%2Fstatements");
        Assert.Contains("<html lang=\"ru\" dir=\"ltr\"", await arabic.GetHtmlAsync("/statements"));
    }

    [Fact]
    public async Task Country_lists_are_named_and_sorted_in_the_pages_language()
    {
        var browser = PageBrowser.Open(factory);
        var api = await factory.SignedInClientAsync(await browser.RegisterAsync(), register: false);
        var id = (await api.CreateStatementAsync(title: $"Countries {Guid.NewGuid():N}")).Id;

        await browser.Client.GetAsync("/language?culture=es&returnUrl=%2F");
        var spanish = CountryOptions(await browser.GetHtmlAsync($"/drafts/{id}/campaign"));
        Assert.Equal("Alemania", spanish["DE"]);
        Assert.Equal("Grecia", spanish["GR"]);
        Assert.Equal("Rusia", spanish["RU"]);
        Assert.Equal("Perú", spanish["PE"]);
        AssertInOrder(spanish, "DE", "GR", "PE", "RU");

        await browser.Client.GetAsync("/language?culture=ru&returnUrl=%2F");
        var russian = CountryOptions(await browser.GetHtmlAsync($"/drafts/{id}/campaign"));
        Assert.Equal("Германия", russian["DE"]);
        Assert.Equal("Греция", russian["GR"]);
        Assert.Equal("Россия", russian["RU"]);
        // Cyrillic order: Австрия, Германия, Греция, Перу, Россия, Япония.
        AssertInOrder(russian, "AT", "DE", "GR", "PE", "RU", "JP");
    }

    private static Dictionary<string, string> CountryOptions(string html)
    {
        var select = Regex.Match(html, "<select id=\"inv-country\".*?</select>", RegexOptions.Singleline);
        Assert.True(select.Success, html);
        return Regex.Matches(select.Value, "<option value=\"([A-Z]{2})\"[^>]*>([^<]*)</option>")
            .ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    private static void AssertInOrder(Dictionary<string, string> options, params string[] codes)
    {
        var positions = codes.Select(c => options.Keys.ToList().IndexOf(c)).ToList();
        Assert.True(positions.All(p => p >= 0) && positions.SequenceEqual(positions.Order()),
            string.Join(", ", codes.Zip(positions, (c, p) => $"{options.GetValueOrDefault(c)} at {p}")));
    }

    [Fact]
    public async Task A_statement_titled_in_Cyrillic_gets_a_readable_address()
    {
        var drafter = await factory.SignedInClientAsync();
        var created = await drafter.CreateStatementAsync(title: "Заявление о свободе");
        Assert.Equal("zayavlenie-o-svobode", created.Slug);
    }

    [GeneratedRegex("\\b[Tt]\\[\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex TextKey();

    [GeneratedRegex("\\{\\d+\\}")]
    private static partial Regex Placeholder();

    /// <summary>An e-mail text as the code asks for it: <c>texts["…"]</c>, <c>t["…"]</c> or <c>new EmailTexts(language)["…"]</c>.</summary>
    [GeneratedRegex("(?:\\b[Tt]|[Tt]exts|EmailTexts\\([^)]*\\))\\[\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex EmailTextKey();

    [GeneratedRegex("^[\\x00-\\x7F]*$")]
    private static partial Regex AsciiOnly();
}
