using System.Globalization;
using System.Text;
using FluentValidation;

namespace Workflow.Core.Common;

/// <summary>
/// One line of text, as a name must be: nothing that breaks a line, controls a terminal or mail program, or changes how
/// the text around it is shown. A name is printed into numbered lists, Markdown, XML, e-mail headers and bodies; any of
/// these characters there can forge a line, break the format or hide what the name says.
/// </summary>
public static class SingleLineText
{
    // Refused: controls (Cc: C0 with TAB, CR, LF; DEL; C1 with NEL U+0085), line and paragraph separators (Zl, Zp), and
    // format characters (Cf: the bidi embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, the marks
    // U+200E/U+200F/U+061C, zero-width space and word joiner, the byte order mark, soft hyphen, tags...), which are invisible
    // and can reorder or hide the text around them. Except the zero-width non-joiner and joiner (U+200C, U+200D), without
    // which Persian, the Indic scripts and emoji sequences cannot be written as their users write them. Also refused: a
    // half of a surrogate pair on its own and the noncharacters (such as U+FFFE, U+FFFF), which are not text and which
    // XML cannot hold.
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>Whether the text is one line without control or invisible formatting characters.</summary>
    public static bool IsSingleLine(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Classify(text, i, out var length) != Kind.Text) return false;
            i += length;
        }
        return true;
    }

    /// <summary>
    /// The text made one line, for a name stored before the rule: each run of line breaks and controls becomes one space,
    /// invisible formatting characters and broken surrogates are dropped.
    /// </summary>
    public static string Flatten(string text)
    {
        if (IsSingleLine(text)) return text;
        var flat = new StringBuilder(text.Length);
        var afterBreak = false;
        for (var i = 0; i < text.Length;)
        {
            var kind = Classify(text, i, out var length);
            if (kind == Kind.Break)
            {
                while (flat.Length > 0 && flat[^1] == ' ') flat.Length--;
                flat.Append(' ');
                afterBreak = true;
            }
            else if (kind == Kind.Text && !(afterBreak && text[i] == ' '))
            {
                flat.Append(text, i, length);
                afterBreak = false;
            }
            i += length;
        }
        return flat.ToString().Trim();
    }

    /// <summary><see cref="Flatten(string)"/>, passing null through.</summary>
    public static string? FlattenOrNull(string? text) => text is null ? null : Flatten(text);

    private enum Kind { Text, Break, Invisible }

    private static Kind Classify(string text, int index, out int length)
    {
        var c = text[index];
        length = 1;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])) length = 2;
        else if (char.IsSurrogate(c)) return Kind.Invisible;
        if (c is ZeroWidthNonJoiner or ZeroWidthJoiner) return Kind.Text;

        var codePoint = length == 2 ? char.ConvertToUtf32(c, text[index + 1]) : c;
        if (IsNoncharacter(codePoint)) return Kind.Invisible;
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => Kind.Break,
            UnicodeCategory.Format => Kind.Invisible,
            _ => Kind.Text,
        };
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}

/// <summary>The validation rule for every name that enters: organisations' names and acronyms, signers' names and roles.</summary>
public static class NameRules
{
    public const string NotOneLineMessage = "'{PropertyName}' must be one line of text, without line breaks, control characters or " +
        "invisible formatting characters.";

    /// <summary>One line of text (see <see cref="SingleLineText"/>); null and empty pass, for the rules that require a value to say
    /// so.</summary>
    public static IRuleBuilderOptions<T, string?> IsSingleLineName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(name => name is null || SingleLineText.IsSingleLine(name)).WithMessage(NotOneLineMessage);
}

/// <summary>
/// Several lines of plain text, as a personal message is: line breaks are kept, but nothing that controls a terminal or mail
/// program, or hides or reorders the text around it (the characters <see cref="SingleLineText"/> refuses, apart from line breaks).
/// </summary>
public static class MultiLineText
{
    public const string NotPlainTextMessage = "'{PropertyName}' must be plain text, without control characters or invisible formatting " +
        "characters (line breaks are fine).";

    public static bool IsPlainText(string text) => Lines(text).All(SingleLineText.IsSingleLine);

    /// <summary>Line breaks made \n, trailing white space and blank ends trimmed; null for a blank text.</summary>
    public static string? Normalise(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join("\n", Lines(text).Select(l => l.TrimEnd())).Trim('\n', ' ');

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    /// <summary>Plain text (see <see cref="IsPlainText"/>); null passes.</summary>
    public static IRuleBuilderOptions<T, string?> IsPlainMultiLineText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsPlainText(text)).WithMessage(NotPlainTextMessage);
}
