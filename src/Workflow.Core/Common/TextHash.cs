using System.Security.Cryptography;
using System.Text;

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

    public static string NormaliseLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
