using System.Text.RegularExpressions;

namespace Workflow.Core.Common;

/// <summary>
/// A BCP 47 language tag such as en, es or pt-BR (a statement's or a translation's language), in one written form: the
/// language in lower case, a two-letter region in upper case, so "PT-br" and "pt-BR" are one translation.
/// </summary>
public readonly partial record struct LanguageTag
{
    private LanguageTag(string value) => Value = value;

    public string Value { get; }

    public static bool IsWellFormed(string? text) => text is not null && Pattern().IsMatch(text.Trim());

    public static LanguageTag Parse(string text) => TryParse(text, out var tag) ? tag
        : throw new FormatException($"'{text}' is not a BCP 47 language tag such as en, es or pt-BR.");

    public static bool TryParse(string? text, out LanguageTag tag)
    {
        tag = default;
        if (!IsWellFormed(text)) return false;
        var parts = text!.Trim().Split('-');
        tag = new(string.Join('-', parts.Select((p, i) => i == 0 ? p.ToLowerInvariant() : p.Length == 2 ? p.ToUpperInvariant() : p)));
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}$")]
    private static partial Regex Pattern();
}
