using System.Globalization;
using System.Text;
using AnyAscii;

namespace Workflow.Core.Common;

public static class Slug
{
    public const int MaxLength = 80;

    /// <summary>
    /// A URL slug from a title: accents dropped, lower case, runs of anything else as one hyphen. Letters of other scripts
    /// are transliterated ("Заявление о свободе" gives "zayavlenie-o-svobode", "Δήλωση" gives "dilosi"); a title
    /// with nothing to write in ASCII gives "statement". Callers make it unique; a stored slug never changes.
    /// </summary>
    public static string From(string title)
    {
        var slug = new StringBuilder(title.Length);
        var pendingHyphen = false;
        foreach (var rune in title.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark) continue;
            var letters = rune.IsAscii ? rune.ToString() : Rune.IsLetterOrDigit(rune) ? Ascii(rune) : "";
            var wrote = false;
            foreach (var c in letters.Where(char.IsAsciiLetterOrDigit))
            {
                if (pendingHyphen && slug.Length > 0) slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
                wrote = true;
            }
            if (!wrote && (rune.IsAscii || !Rune.IsLetterOrDigit(rune))) pendingHyphen = true;
            if (slug.Length >= MaxLength) break;
        }
        if (slug.Length > MaxLength) slug.Length = MaxLength;
        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "statement" : result;
    }

    /// <summary>
    /// A Latin letter loses its accents ("é" gives "e", as slugs always had); a letter of another script is transliterated
    /// whole ("й" gives "y", where dropping its breve would give "i"). Only its letters count: the soft sign's apostrophe
    /// does not break a word in two.
    /// </summary>
    private static string Ascii(Rune letter)
    {
        var decomposed = letter.ToString().Normalize(NormalizationForm.FormD);
        return char.IsAsciiLetterOrDigit(decomposed[0]) ? decomposed[..1] : letter.ToString().Transliterate();
    }

    public static bool IsWellFormed(string slug) =>
        slug.Length is > 0 and <= MaxLength + 8 && slug[0] != '-' && slug[^1] != '-'
            && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
