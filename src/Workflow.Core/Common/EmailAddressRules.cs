using System.Net.Mail;
using FluentValidation;

namespace Workflow.Core.Common;

/// <summary>
/// An e-mail address as someone types it to be written to: one plain address. FluentValidation's <c>EmailAddress()</c>
/// asks only for an @ between two parts, so markup, spaces and line breaks (header injection) pass it.
/// </summary>
public static class EmailAddressRules
{
    public const string NotOneAddressMessage = "'{PropertyName}' must be one e-mail address such as name@example.org, without spaces, " +
        "line breaks or markup.";

    /// <summary>Null and empty pass, for the rules that require a value to say so.</summary>
    public static IRuleBuilderOptions<T, string> IsPlainEmailAddress<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(email => string.IsNullOrEmpty(email) || IsPlain(email)).WithMessage(NotOneAddressMessage);

    public static bool IsPlain(string email)
    {
        var address = email.Trim();
        return !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)
            || c is '<' or '>' or '"' or '(' or ')' or ',' or ';' or '\\' or '[' or ']')
            && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && parsed.DisplayName.Length == 0;
    }
}
