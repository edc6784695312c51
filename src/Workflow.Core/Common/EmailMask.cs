using System.Globalization;
using System.Text;

namespace Workflow.Core.Common;

/// <summary>E-mail addresses compared as people mean them, and shown without giving them away.</summary>
public static class EmailMask
{
    /// <summary>The form two spellings of one address share: trimmed, Unicode NFC, upper case (as Identity normalises).</summary>
    public static string Normalise(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();

    /// <summary>j•••@example.org: the first character of the mailbox and the domain.</summary>
    public static string Of(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0) return "•••";
        var first = StringInfo.GetNextTextElementLength(trimmed);
        return $"{trimmed[..Math.Min(first, at)]}•••{trimmed[at..]}";
    }
}
