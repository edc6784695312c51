using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workflow.Api.Tests.Support;
using Workflow.Core.Endorsements;
using Workflow.Core.Review;
using Workflow.Core.SignOn;
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
        var pages = Path.Combine(RepositoryRoot(), "src", "Workflow.Api", "Pages");
        var entries = XDocument.Load(Path.Combine(pages, "Texts.es.resx")).Root!.Elements("data").ToList();
        // Resource names are compiled case-insensitively: "Closed" and "closed" would keep only one of the two.
        var clashes = entries.GroupBy(d => ((string)d.Attribute("name")!).ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only in case: " + string.Join(" | ", clashes));
        var spanish = entries.ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        var used = Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet();
        // States and kinds are shown by their names.
        used.UnionWith(Enum.GetNames<StatementState>().Concat(Enum.GetNames<InvitationStatus>()).Concat(Enum.GetNames<SignatureStatus>())
            .Concat(Enum.GetNames<SignOnState>()).Append("Lapsed").Concat(Enum.GetNames<AmendmentKind>()).Concat(Enum.GetNames<AmendmentState>())
            .Concat(Enum.GetNames<StatementRole>()));

        Assert.True(used.Count > 200, $"Only {used.Count} texts found: is the pattern still right?");
        var missing = used.Where(k => !spanish.TryGetValue(k, out var es) || string.IsNullOrWhiteSpace(es)).OrderBy(k => k).ToList();
        Assert.True(missing.Count == 0, "No Spanish for: " + string.Join(" | ", missing));
        // Placeholders survive translation.
        foreach (var (key, es) in spanish)
            Assert.True(Placeholder().Matches(key).Select(m => m.Value).Order().SequenceEqual(Placeholder().Matches(es).Select(m => m.Value).Order()), key);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workflow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("\\b[Tt]\\[\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex TextKey();

    [GeneratedRegex("\\{\\d+\\}")]
    private static partial Regex Placeholder();
}
