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
}
