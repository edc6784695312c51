using System.Globalization;
using System.Resources;
using Workflow.Core.Common;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// The e-mails' words in one recipient's language. As for the pages, the English text is the key; EmailTexts.&lt;language&gt;.resx
/// hold the other languages, and a text with no translation is sent in English.
/// </summary>
public sealed class EmailTexts(string language)
{
    private static readonly ResourceManager Resources = new(typeof(EmailTexts).FullName!, typeof(EmailTexts).Assembly);

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(InterfaceLanguages.Closest(language));

    public string this[string english, params object?[] arguments] =>
        string.Format(Culture, Resources.GetString(english, Culture) ?? english, arguments);

    /// <summary>A day, in the recipient's language ("6 December 2026", "6 de diciembre de 2026"): each language's resources give the
    /// pattern.</summary>
    public string Date(DateTimeOffset instant) => this["{0:d MMMM yyyy}", instant.UtcDateTime];

    /// <summary>A day and time (UTC), in the recipient's language.</summary>
    public string DateAndTime(DateTimeOffset instant) =>
        this["{0} at {1} UTC", Date(instant), instant.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)];
}

/// <summary>
/// A plain-text body: paragraphs separated by a blank line, then the signature. A link or an address is always a line of its
/// own, so that no right-to-left text (Arabic) around it can reorder it or run into it.
/// </summary>
internal sealed class EmailBody
{
    private readonly List<string> _paragraphs = [];

    /// <summary>Adds the lines given (null ones left out) as one paragraph; nothing when all are null.</summary>
    public EmailBody Paragraph(params string?[] lines)
    {
        var present = lines.Where(l => l is not null).ToList();
        if (present.Count > 0) _paragraphs.Add(string.Join("\n", present));
        return this;
    }

    public override string ToString() => string.Join("\n\n", _paragraphs) + "\n\n-- \nWorkflow\n";
}
