using System.Security.Cryptography;
using System.Text;
using FluentValidation;

namespace Workflow.Core.Common;

public static class TextHash
{
    /// <summary>
    /// The SHA-256 of a statement version as lower-case hex, over the UTF-8 bytes of
    /// the title, two line feeds and the body (line endings already normalised to LF).
    /// Anyone holding the text can recompute it: `printf '%s\n\n%s' "$title" "$body" | sha256sum`.
    /// </summary>
    public static string Of(string title, string body) => Sha256Hex($"{title}\n\n{body}");

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether a hash a client sends is 64 hexadecimal digits, in either case.</summary>
    public static bool IsWellFormed(string? hash) => hash is { Length: 64 } && hash.All(char.IsAsciiHexDigit);

    /// <summary>Whether the hash a client was shown is this one (hexadecimal digits compare in either case).</summary>
    public static bool Same(string shown, string hash) => string.Equals(shown, hash, StringComparison.OrdinalIgnoreCase);

    /// <summary>The hash of the text a client was shown: required, 64 hexadecimal digits.</summary>
    public static IRuleBuilderOptions<T, string> IsTextHash<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(IsWellFormed).WithMessage("'Text Hash' must be the 64 hexadecimal digits of a SHA-256.");

    public static string NormaliseLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
