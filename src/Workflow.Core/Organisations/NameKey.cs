using System.Globalization;
using System.Text;
using AnyAscii;
using Workflow.Core.Organisations.Unicode;

namespace Workflow.Core.Organisations;

/// <summary>
/// The forms in which two spellings of one organisation's name meet; used to search the directory and to find an
/// organisation before creating its twin; never shown. Both ignore case, accents, punctuation, a leading "The" and
/// invisible (default-ignorable) code points such as tag characters or zero-width spaces:
/// <list type="bullet">
/// <item><see cref="Of"/>, the spelling: transliterated to Latin letters, so Cyrillic, Greek or Arabic names meet their Latin spelling
/// ("Российская" and "Rossiyskaya");</item>
/// <item><see cref="SkeletonOf"/>, the look: the confusable skeleton of Unicode TS #39, so a name that only looks like another
/// meets it ("Раrtу" written with Cyrillic letters and "Party", "SociaIist" with a capital I and "Socialist").</item>
/// </list>
/// Two names are taken for one when either form agrees. Changing how a form is made changes <see cref="Version"/>, so that
/// stored keys are made again (see <see cref="DirectoryKeys"/>).
/// </summary>
public static class NameKey
{
    /// <summary>The version of the keys' recipe; rows keyed by an older one are keyed again at start-up.</summary>
    public const int Version = 2;

    /// <summary>The longest key (a transliteration or a skeleton can be longer than its name); longer ones are cut, alike on both sides of
    /// a comparison.</summary>
    public const int MaxLength = Organisation.NameMaxLength * 2;
    public const int AcronymMaxLength = Organisation.AcronymMaxLength * 2;

    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        return Fold(Uts39.WithoutDefaultIgnorables(name).Transliterate(), MaxLength);
    }

    /// <summary>
    /// The name's TS #39 skeleton, folded like <see cref="Of"/>. A skeleton is case-sensitive (capital I, digit 1 and small l
    /// share a prototype; small i has its own; capital M stays while small m becomes "rn"), so the skeleton is taken, put in
    /// lower case and taken again, and small i is read as l: "SOCIALIST", "Socialist" and "SociaIist" meet. TS #39 expects identifiers,
    /// already free of compatibility forms; a name may hold full-width letters or ligatures, so it is decomposed for compatibility (NFKD)
    /// first.
    /// </summary>
    public static string SkeletonOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var plain = WellFormed(name).Normalize(NormalizationForm.FormKD);
        return Fold(Uts39.Skeleton(Uts39.Skeleton(plain).ToLowerInvariant()), MaxLength, iAsL: true);
    }

    /// <summary>Both keys of a name, spelling and look, without empty or repeated ones.</summary>
    public static IReadOnlyList<string> KeysOf(string? name) => new[] { Of(name), SkeletonOf(name) }.Where(k => k.Length > 0)
        .Distinct().ToList();

    /// <summary>An acronym's letters and digits in Latin script, lower case: "P.C.P.", "pcp" and "ПКП"'s transliteration meet.</summary>
    public static string OfAcronym(string? acronym) => Cut(Of(acronym).Replace(" ", "", StringComparison.Ordinal), AcronymMaxLength);

    /// <summary>An acronym's look: "KKE" and "ΚΚΕ" in Greek capitals meet.</summary>
    public static string SkeletonOfAcronym(string? acronym) => Cut(SkeletonOf(acronym).Replace(" ", "", StringComparison.Ordinal),
        AcronymMaxLength);

    /// <summary>Letters and digits in lower case without their accents, every other run of characters one space, no leading
    /// "the".</summary>
    private static string Fold(string text, int maxLength, bool iAsL = false)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark) continue;
            if (Rune.IsLetterOrDigit(rune))
            {
                if (space && key.Length > 0) key.Append(' ');
                var lower = Rune.ToLowerInvariant(rune);
                if (iAsL && lower.Value == 'i') lower = new Rune('l');
                key.Append(lower.ToString());
                space = false;
            }
            else
            {
                space = true;
            }
        }
        var result = key.ToString();
        return Cut(result.StartsWith("the ", StringComparison.Ordinal) ? result[4..] : result, maxLength);
    }

    /// <summary>The text with any lone surrogate (JSON can carry one) replaced by U+FFFD, which normalisation accepts.</summary>
    private static string WellFormed(string text) =>
        text.Any(char.IsSurrogate) ? string.Concat(text.EnumerateRunes().Select(r => r.ToString())) : text;

    private static string Cut(string key, int maxLength) =>
        key.Length <= maxLength ? key : key[..(char.IsHighSurrogate(key[maxLength - 1]) ? maxLength - 1 : maxLength)].TrimEnd();

    /// <summary>A website as an absolute http(s) address ("example.org" becomes "https://example.org"), or null when it is not
    /// one.</summary>
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
