using System.Globalization;

namespace Workflow.Core.Common;

/// <summary>
/// The languages the pages, e-mails and messages are written in. One list: the language switch, the browser's choice,
/// an invitee's language and an account e-mail all pick from it.
/// </summary>
public static class InterfaceLanguages
{
    public const string Default = "en";

    /// <summary>The two-letter codes, English first.</summary>
    public static readonly IReadOnlyList<string> All = ["en", "es", "fr", "de", "pt", "ru", "tr", "ar"];

    public static readonly IReadOnlyList<CultureInfo> Cultures = All.Select(CultureInfo.GetCultureInfo).ToArray();

    public static bool IsSupported(string? language) => language is not null && All.Contains(language.Trim().ToLowerInvariant());

    /// <summary>The supported language closest to a tag such as "pt-BR" or "AR": its own language, or English.</summary>
    public static string Closest(string? tag)
    {
        var primary = tag?.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary is not null && All.Contains(primary) ? primary : Default;
    }

    /// <summary>The language's own name ("Español", "العربية"), as the switch shows it.</summary>
    public static string NativeName(string language)
    {
        var culture = CultureInfo.GetCultureInfo(Closest(language));
        var name = culture.NativeName;
        return name.Length > 0 ? char.ToUpper(name[0], culture) + name[1..] : name;
    }

    public static bool IsRightToLeft(string language) => CultureInfo.GetCultureInfo(Closest(language)).TextInfo.IsRightToLeft;
}
