using System.Globalization;
using System.Text;

namespace Workflow.Core.Common;

public static class Slug
{
    public const int MaxLength = 80;

    /// <summary>
    /// A URL slug from a title: accents dropped, lower case, runs of anything else as one hyphen.
    /// A title with no Latin letters or digits (Cyrillic, Arabic…) gives "statement"; callers make it unique.
    /// </summary>
    public static string From(string title)
    {
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0) slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
            if (slug.Length >= MaxLength) break;
        }
        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "statement" : result;
    }

    public static bool IsWellFormed(string slug) =>
        slug.Length is > 0 and <= MaxLength + 8 && slug[0] != '-' && slug[^1] != '-' && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
