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
}
