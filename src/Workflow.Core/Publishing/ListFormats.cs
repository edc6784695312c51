using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using Workflow.Core.Common;
using Workflow.Core.Organisations;

namespace Workflow.Core.Publishing;

/// <summary>How a list is ordered: by signing (initial, then subsequent signatories), by name, or grouped by country.</summary>
public enum ListOrder { Signing, Alphabetical, Country }

/// <summary>
/// The signatory list in the formats people copy it into (Markdown, CSV, an Atom feed), and what every format says of it:
/// its title, the lines about it, its groups in order, one line per signatory. The HTML pages are the Api's (PrintableList).
/// </summary>
public static class ListFormats
{
    /// <summary>What the formats write where a date is not known: never the day the statement or signature reached Workflow.</summary>
    public const string DateNotKnown = "date not known";

    public static string Date(DateTimeOffset? date) =>
        date is { } d ? d.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : DateNotKnown;

    /// <summary>"Signatories (as of 7 February 2023, further signatories possible)"; without the date when it is not known.</summary>
    public static string InitialHeading(SignatoryList list)
    {
        var qualifiers = new[] { list.AsOf is { } asOf ? $"as of {Date(asOf)}" : null, list.AcceptsFurtherSignatories
            ? "further signatories possible" : null }
            .OfType<string>().ToList();
        return qualifiers.Count == 0 ? "Signatories" : $"Signatories ({string.Join(", ", qualifiers)})";
    }

    /// <summary>
    /// What the list is, in lines to put above it: the kind of text and who issued or wrote it, its publication date,
    /// whether the list is partial, and the source it was taken from.
    /// </summary>
    public static IReadOnlyList<string> About(SignatoryList list)
    {
        var lines = new List<string>
        {
            list.Kind switch
            {
                nameof(Statements.StatementKind.Article) => list.IssuedBy is { } by ? $"Article by {by}" : "Article",
                nameof(Statements.StatementKind.Single) => list.IssuedBy is { } by ? $"Statement of {by}" : "Statement of one organisation",
                _ => list.IssuedBy is { } by ? $"Joint statement issued by {by}" : "Joint statement",
            },
            $"Published: {Date(list.AsOf)}",
        };
        if (list.IsArticle) lines.Add("An article is by its writers: it has no signatories.");
        if (list.ListIsPartial) lines.Add($"Partial list: {list.ListNote ?? "it names only some of those who agreed the text."}");
        if (list.Source is { } source) lines.Add($"Source: {Citation(source)}");
        return lines;
    }

    /// <summary>"Title", Publisher, URL, accessed 1 December 2026 — whichever of them are known.</summary>
    public static string Citation(Statements.StatementSource source) => string.Join(", ", new[]
    {
        source.Title is { } title ? $"\u201C{title}\u201D" : null,
        source.Publisher,
        source.Url,
        source.AccessedOn is { } accessed ? "accessed " + accessed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : null,
    }.OfType<string>());

    /// <summary>
    /// The list in headed groups, in the order asked for. By country, the headings are English names in ordinal order,
    /// unless a page gives the names and the order of its reader's language.
    /// </summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<Signatory> Signatories)> Arrange(SignatoryList list, ListOrder order,
        Func<string, string>? countryName = null, IComparer<string>? headingOrder = null)
    {
        var initialHeading = InitialHeading(list);
        return order switch
        {
            ListOrder.Alphabetical => [(initialHeading, list.Signatories.OrderBy(SortKey, StringComparer.Ordinal).ToList())],
            ListOrder.Country => list.Signatories
                .GroupBy(s => s.Country is null ? "(no country given)" : (countryName ?? Countries.EnglishName)(s.Country))
                .OrderBy(g => g.Key, headingOrder ?? StringComparer.Ordinal)
                .Select(g => (g.Key, (IReadOnlyList<Signatory>)g.OrderBy(SortKey, StringComparer.Ordinal).ToList())).ToList(),
            _ => new[] { (initialHeading, list.Initial().ToList()), ("Subsequent signatories", list.Subsequent().ToList()) }
                .Where(g => g.Item2.Count > 0).Select(g => (g.Item1, (IReadOnlyList<Signatory>)g.Item2)).ToList(),
        };
    }

    private static string SortKey(Signatory s) => NameKey.Of(s.NameEnglish ?? s.Name);

    /// <summary>
    /// One signatory as the seed resolution writes it: acronym, name, English name, country. Always one line, even for
    /// a name stored before names had to be one: every format puts it on a line (or in an XML element) of its own.
    /// </summary>
    public static string Line(Signatory s)
    {
        var line = new StringBuilder();
        var acronym = SingleLineText.FlattenOrNull(s.Acronym);
        var name = SingleLineText.Flatten(s.Name);
        var english = SingleLineText.FlattenOrNull(s.NameEnglish);
        if (!string.IsNullOrEmpty(acronym)) line.Append(acronym).Append(' ');
        line.Append(name);
        if (!string.IsNullOrEmpty(english) && !string.Equals(english, name, StringComparison.Ordinal)) line.Append(" (").Append(english)
            .Append(')');
        if (s.Country is not null) line.Append(", ").Append(SingleLineText.Flatten(Countries.EnglishName(s.Country)));
        return line.ToString();
    }

    /// <summary>The statement's title as one line (see <see cref="Line"/>).</summary>
    public static string Title(SignatoryList list) => SingleLineText.Flatten(list.Title);

    public static string Markdown(SignatoryList list, ListOrder order) => Written(md => WriteMarkdown(md, list, order));

    public static void WriteMarkdown(TextWriter md, SignatoryList list, ListOrder order)
    {
        md.Write($"# {EscapeMarkdown(Title(list))}\n\n");
        foreach (var line in About(list)) { md.Write(EscapeMarkdown(line)); md.Write("  \n"); }
        md.Write('\n');
        foreach (var (heading, signatories) in Arrange(list, order))
        {
            md.Write($"## {EscapeMarkdown(heading)}\n\n");
            foreach (var s in signatories) { md.Write(s.Number); md.Write(". "); md.Write(EscapeMarkdown(Line(s))); md.Write('\n'); }
            md.Write('\n');
        }
        md.Write($"Text signed: version {list.VersionNumber}, SHA-256 `{list.TextHash}`. Signatory log: {list.LogSize} entries, root " +
            $"hash `{list.LogRoot}`.\n");
    }

    /// <summary>What a writer of a format writes, as one string (for the tests and small lists; responses are written as they
    /// go).</summary>
    private static string Written(Action<TextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        write(text);
        return text.ToString();
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with =, +, - or @ as a formula (some also after a leading tab or carriage
    /// return), whether the file quotes it or not: CsvHelper's injection handling puts a ' before such a cell, in every column.
    /// </summary>
    private static readonly CsvConfiguration CsvOutput = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '@', '+', '-', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    public static string Csv(SignatoryList list, ListOrder order) => Written(csv => WriteCsv(csv, list, order));

    public static void WriteCsv(TextWriter writer, SignatoryList list, ListOrder order) => WriteSpreadsheetCsv(writer,
        ["number", "name", "nameEnglish", "acronym", "country", "phase", "signedAt", "initiator"],
        // One line per signatory here too, for whoever reads the file line by line.
        Arrange(list, order).SelectMany(g => g.Signatories).Select(s => new object?[] { s.Number, SingleLineText.Flatten(s.Name),
            SingleLineText.FlattenOrNull(s.NameEnglish), SingleLineText.FlattenOrNull(s.Acronym), s.Country, s.Phase,
            s.SignedAt is { } signedAt ? signedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : DateNotKnown, s.Initiator }));

    /// <summary>
    /// A table as RFC 4180 CSV that a spreadsheet opens safely: fields quoted where they must be, and a cell a spreadsheet
    /// would run as a formula neutralised (<see cref="CsvOutput"/>). Every CSV the service writes for people goes through here.
    /// </summary>
    public static string SpreadsheetCsv(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows) =>
        Written(writer => WriteSpreadsheetCsv(writer, header, rows));

    public static void WriteSpreadsheetCsv(TextWriter writer, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        using var csv = new CsvWriter(writer, CsvOutput, leaveOpen: true);
        foreach (var name in header) csv.WriteField(name);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row) csv.WriteField(field);
            csv.NextRecord();
        }
        csv.Flush();
    }

    /// <summary>An Atom feed of the signatories, newest first: one entry per signature. Every text is one line, which XML can always
    /// hold.</summary>
    public static string Atom(SignatoryList list, string statementUrl, DateTimeOffset now)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        // An entry's time is when it signed, or when Workflow recorded it if nobody knows: Atom needs one, and only the summary speaks of
        // signing.
        static DateTimeOffset EntryTime(Signatory s) => s.SignedAt ?? s.RecordedAt;
        var newest = list.Signatories.OrderByDescending(EntryTime).ThenByDescending(s => s.Number).Take(100).ToList();
        var feed = new XElement(atom + "feed",
            new XElement(atom + "title", $"Signatories: {Title(list)}"),
            new XElement(atom + "subtitle", string.Join(". ", About(list))),
            new XElement(atom + "id", $"{statementUrl}/signatories"),
            new XElement(atom + "link", new XAttribute("href", statementUrl)),
            new XElement(atom + "updated", Stamp(newest.Count > 0 ? newest.Max(EntryTime) : now)),
            new XElement(atom + "author", new XElement(atom + "name", "Workflow")),
            newest.Select(s => new XElement(atom + "entry",
                new XElement(atom + "title", $"{s.Number}. {Line(s)}"),
                new XElement(atom + "id", $"{statementUrl}/signatories/{s.Number}"),
                new XElement(atom + "link", new XAttribute("href", statementUrl)),
                new XElement(atom + "updated", Stamp(EntryTime(s))),
                s.SignedAt is { } signedAt ? new XElement(atom + "published", Stamp(signedAt)) : null,
                new XElement(atom + "summary",
                    $"{Line(s)} signed \"{Title(list)}\" ({s.Phase.ToLowerInvariant()} " +
                    $"signatory{(s.SignedAt is null ? ", " + DateNotKnown : "")}).")))
        );
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).ToString();
    }

    /// <summary>"31 signatories"; "2 signatories named (the list is partial)"; nothing to count for an article.</summary>
    public static string Count(SignatoryList list)
    {
        if (list.IsArticle) return "Published: " + Date(list.AsOf);
        var count = $"{list.Signatories.Count} signator{(list.Signatories.Count == 1 ? "y" : "ies")}";
        return list.ListIsPartial ? count + " named (the list is partial)" : count;
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string EscapeMarkdown(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_{}[]()#+-.!<>|~&".Contains(c)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
