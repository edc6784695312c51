using System.Buffers.Text;
using System.Security.Cryptography;
using Workflow.Core.Common;

namespace Workflow.Core.Endorsements;

/// <summary>
/// The secret in an invitation link: 256 random bits, URL-safe. Only its SHA-256 is stored,
/// so a copy of the database does not let anyone sign.
/// </summary>
public static class InvitationToken
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => TextHash.Sha256Hex(token);

    /// <summary>Cheap shape check, so that junk never reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
