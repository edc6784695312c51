using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workflow.Api.Pages.Shared;
using Workflow.Api.Publishing;
using Workflow.Core.Publishing;
using Workflow.Infrastructure.Hosting;

namespace Workflow.Api.Pages.Statements;

/// <summary>The public page of a statement: its text in any of its languages and the numbered list. Cached until an event changes
/// it.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class StatementModel(IStringLocalizer<Texts> t, IOptions<PublicSiteOptions> site) : WorkflowPage
{
    public sealed record Group(string Id, string Heading, IReadOnlyList<Signatory> Signatories);

    public PublishedStatement Statement { get; private set; } = null!;
    public SignatoryList List { get; private set; } = null!;
    public IReadOnlyList<TextToRead> Texts { get; private set; } = [];
    public TextToRead Shown { get; private set; } = null!;
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public ListOrder Order { get; private set; }
    public string? Lang { get; private set; }
    /// <summary>The HTML that other sites paste to show the widget; the page shows it as text.</summary>
    public string EmbedSnippet { get; private set; } = "";

    // The snippet ends up inside other sites' pages: every value is encoded for the attribute it sits in, so no title
    // can close the attribute and add one (an event handler) or an element. Letters of any script stay as they are.
    private static readonly HtmlEncoder AttributeEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task OnGetAsync(string slug, string? lang, ListOrder? order, CancellationToken ct)
    {
        Statement = await Mediator.Send(new GetPublishedStatement(slug), ct);
        List = await Mediator.Send(new GetSignatoryList(slug), ct);
        Texts = [new TextToRead(Statement.Language, Statement.Title, Statement.BodyHtml, Statement.VersionNumber,
            Statement.TextHash, false),
            .. Statement.Translations.Select(x => new TextToRead(x.Language, x.Title, x.BodyHtml, x.Number, x.TextHash, true))];
        Shown = TextToRead.Choose(Texts, lang);
        Lang = Shown == Texts[0] ? null : Shown.Language;
        Order = order ?? ListOrder.Signing;
        Groups = Arrange(List, Order);
        var widgetUrl = site.Value.Link($"/statements/{List.Slug}/widget");
        EmbedSnippet = $"<iframe src=\"{AttributeEncoder.Encode(widgetUrl)}\" " +
            $"title=\"{AttributeEncoder.Encode(ListFormats.Title(List))}\" width=\"320\" height=\"160\"></iframe>";
    }

    private IReadOnlyList<Group> Arrange(SignatoryList list, ListOrder order)
    {
        var initialHeading = ListHeadings.Initial(t, list);
        return order switch
        {
            ListOrder.Signing =>
            [
                new("initial", initialHeading, list.Initial().ToList()),
                .. list.Subsequent().Any() ? new[] { new Group("subsequent", t["Subsequent signatories"],
                    list.Subsequent().ToList()) } : [],
            ],
            // The other orders come from the same arrangement as the downloadable formats, under headings in the reader's language.
            ListOrder.Alphabetical => [new("alphabetical", t["All signatories, alphabetically"], ListFormats.Arrange(list, order)
                .Single().Signatories)],
            _ => ListFormats.Arrange(list, order, Shared.CountryChoices.Name, StringComparer.Create(CultureInfo.CurrentUICulture,
            ignoreCase: true)).Select((g, i) => new Group($"country-{i}", g.Heading, g.Signatories)).ToList(),
        };
    }
}
