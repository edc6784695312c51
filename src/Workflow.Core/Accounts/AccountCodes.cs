using System.Buffers.Text;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Workflow.Core.Common;
using Workflow.Core.Limits;

namespace Workflow.Core.Accounts;

/// <summary>What the account use cases share: codes in links, Identity's errors as field errors, languages, limits.</summary>
internal static class AccountCodes
{
    /// <summary>Identity's tokens hold characters a URL does not like: links carry them base64url-encoded, as Identity's own API
    /// did.</summary>
    public static string ForLink(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    public static string? FromLink(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try { return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code.Trim())); }
        catch (FormatException) { return null; }
    }

    public static string Language(string? language) => InterfaceLanguages.Closest(language);

    /// <summary>Identity's errors as 400s naming the field: a password rule names the password field, anything else the e-mail.</summary>
    public static ValidationException Invalid(IdentityResult result, string passwordField = "Password", string otherField = "Email") =>
        new(result.Errors.Select(e => new ValidationFailure(
            e.Code.Contains("Password", StringComparison.Ordinal) ? passwordField : otherField, e.Description)).ToList());

    public static ValidationException InvalidLink(string field = "Code") =>
        new([new ValidationFailure(field, "This link is not valid or has expired. Ask for a new one.")]);

    /// <summary>E-mails an account a fresh link to confirm its address.</summary>
    public static async Task SendConfirmationLinkAsync(this IAccountMailer mailer, UserManager<WorkflowUser> users, WorkflowUser user,
        string email,
        string language, CancellationToken ct)
    {
        var code = ForLink(await users.GenerateEmailConfirmationTokenAsync(user));
        await mailer.SendAsync(new AccountMail(AccountMailKind.ConfirmAddress, email, language,
            AddressConfirmationLinks.Confirm(user.Id, code)), ct);
    }

    /// <summary>A password as typed: required and of a sane length (its strength is Identity's rules, checked when it is set).</summary>
    public static IRuleBuilderOptions<T, string> IsPassword<T>(this IRuleBuilder<T, string> rule) => rule.NotEmpty().MaximumLength(512);

    public static void ThrowIfRefused(LimitDecision decision, string what)
    {
        if (!decision.Allowed)
            throw new TooManyRequestsException($"Too many {what} from your network address or for this e-mail address. Please try again " +
                "later.", decision.RetryAfter);
    }
}
