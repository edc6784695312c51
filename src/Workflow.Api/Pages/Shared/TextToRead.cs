using System.Globalization;

namespace Workflow.Api.Pages.Shared;

/// <summary>
/// One language's text of a statement, as a reader sees it: marked with its language and writing direction,
/// with the version and hash that a signature binds to. <c>BodyHtml</c> is already rendered and sanitised.
/// </summary>
public sealed record TextToRead(string Language, string Title, string BodyHtml, int VersionNumber, string TextHash, bool IsTranslation)
{
    public string Direction => IsRightToLeft(Language) ? "rtl" : "ltr";

    public string LanguageName => NameOf(Language);

    /// <summary>The language's own name for itself ("Español", "العربية"), or the code when the runtime does not know it.</summary>
    public static string NameOf(string language)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            return culture.NativeName.Length > 0 && !culture.NativeName.StartsWith("Unknown", StringComparison.Ordinal)
                ? culture.TextInfo.ToTitleCase(culture.NativeName) : language;
        }
        catch (CultureNotFoundException) { return language; }
    }

    private static bool IsRightToLeft(string language)
    {
        try { return CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft; }
        catch (CultureNotFoundException) { return false; }
    }

    /// <summary>The text in the language asked for, if there is one; otherwise the first (the original).</summary>
    public static TextToRead Choose(IReadOnlyList<TextToRead> texts, string? language) =>
        texts.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase)) ?? texts[0];
}
