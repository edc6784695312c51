using System.Globalization;
using System.Text;
using AnyAscii;

namespace Workflow.Core.Organisations;

/// <summary>
/// The form in which two spellings of one organisation's name meet: transliterated to Latin letters (so Cyrillic,
/// Greek or Arabic names meet their Latin spelling), without accents, case, punctuation or a leading "The".
/// Used to search the directory and to find an organisation before creating its twin; never shown.
/// </summary>
public static class NameKey
{
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var latin = name.Transliterate().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(latin.Length);
        var space = false;
        foreach (var c in latin)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && key.Length > 0) key.Append(' ');
                key.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        var result = key.ToString();
        return result.StartsWith("the ", StringComparison.Ordinal) ? result[4..] : result;
    }

    /// <summary>An acronym's letters and digits in Latin script, lower case: "P.C.P.", "pcp" and "ПКП"'s transliteration meet.</summary>
    public static string OfAcronym(string? acronym) => Of(acronym).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>A website as an absolute http(s) address ("example.org" becomes "https://example.org"), or null when it is not one.</summary>
    public static Uri? WebsiteOf(string? website)
    {
        if (string.IsNullOrWhiteSpace(website)) return null;
        var text = website.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.') ? uri : null;
    }

    /// <summary>The website's host, without "www." and in ASCII (punycode): how two records of one website meet.</summary>
    public static string? DomainOf(string? website)
    {
        var host = WebsiteOf(website)?.IdnHost.ToLowerInvariant();
        return host is not null && host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
