using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Workflow.Core.Common;

/// <summary>
/// The domain and validation messages in the reader's language. Core writes its messages in English, as before; the two
/// boundaries (the API's problem details and the pages' validation summary) pass each message through <see cref="Translate"/>.
/// A key is the English text; a key with placeholders ("{0} has already signed this statement.") also matches the messages
/// it was formatted into, and its arguments are translated too when they are keys themselves ("a draft", "invitation").
/// A message with no key stays English.
/// </summary>
public static partial class Messages
{
    private static readonly ResourceManager Resources = new("Workflow.Core.Common.Messages", typeof(Messages).Assembly);

    /// <summary>Every key: the English messages, as the neutral resource lists them.</summary>
    public static readonly IReadOnlyList<string> Keys = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true,
        tryParents: false)!
        .Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToArray();

    private static readonly IReadOnlyList<(Regex Pattern, string Key)> Templates = Keys
        .Where(k => Placeholder().IsMatch(k))
        // The longest first, so that a template that holds another's words wins over it.
        .OrderByDescending(k => Placeholder().Replace(k, "").Length)
        .Select(k => (new Regex("^" + Placeholder().Replace(Regex.Escape(k).Replace(@"\{", "{"),
            m => $"(?<a{m.Groups[1].Value}>.+?)") + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), k))
        .ToArray();

    /// <summary>The message in the culture's language, or as it is when it has no translation.</summary>
    public static string Translate(string message, CultureInfo culture)
    {
        if (InterfaceLanguages.Closest(culture.Name) == InterfaceLanguages.Default || string.IsNullOrEmpty(message)) return message;
        if (Exact(message, culture) is { } exact) return exact;
        foreach (var (pattern, key) in Templates)
        {
            var match = pattern.Match(message);
            if (!match.Success || Exact(key, culture) is not { } template) continue;
            var count = Placeholder().Matches(key).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Max() + 1;
            var arguments = Enumerable.Range(0, count).Select(i => match.Groups["a" + i].Value)
                .Select(a => (object)(Exact(a, culture) ?? a)).ToArray();
            return string.Format(culture, template, arguments);
        }
        return message;
    }

    public static string Translate(string message) => Translate(message, CultureInfo.CurrentUICulture);

    /// <summary>The key's text in the culture's interface language (not falling back to English), or null.</summary>
    public static string? Exact(string key, CultureInfo culture)
    {
        var language = InterfaceLanguages.Closest(culture.Name);
        if (language == InterfaceLanguages.Default) return null;
        return Resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true,
            tryParents: false)?.GetString(key) is { Length: > 0 } text
            ? text : null;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
