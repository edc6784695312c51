using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

public static class AddressConfirmationLinks
{
    /// <summary>The page that confirms an address; the API's /api/auth/confirmEmail takes the same query.</summary>
    public const string PagePath = "/account/confirm-email";

    public static string Confirm(string userId, string code, string? changedEmail = null) =>
        $"{PagePath}?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(code)}" +
        (changedEmail is null ? "" : $"&changedEmail={Uri.EscapeDataString(changedEmail)}");
}

/// <summary>
/// Follows a confirmation link: the account's address is confirmed or, with <paramref name="ChangedEmail"/>, the new
/// address replaces the old one (it is the account's sign-in name too). A wrong or used link is a 400 on the code.
/// </summary>
public sealed record ConfirmAddress(string UserId, string Code, string? ChangedEmail) : IRequest<Unit>;

public sealed class ConfirmAddressHandler(UserManager<WorkflowUser> users) : IRequestHandler<ConfirmAddress, Unit>
{
    public async Task<Unit> Handle(ConfirmAddress request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserId) || await users.FindByIdAsync(request.UserId) is not { } user
            || AccountCodes.FromLink(request.Code) is not { } code)
            throw AccountCodes.InvalidLink();
        if (string.IsNullOrWhiteSpace(request.ChangedEmail))
        {
            if (!(await users.ConfirmEmailAsync(user, code)).Succeeded) throw AccountCodes.InvalidLink();
            return Unit.Value;
        }
        var changed = request.ChangedEmail.Trim();
        if (!(await users.ChangeEmailAsync(user, changed, code)).Succeeded) throw AccountCodes.InvalidLink();
        var renamed = await users.SetUserNameAsync(user, changed);
        if (!renamed.Succeeded) throw AccountCodes.Invalid(renamed);
        return Unit.Value;
    }
}

/// <summary>Sends the confirmation link again, to an account that has not confirmed its address; the answer is the same for any address.</summary>
public sealed record ResendConfirmation(string Email, string? Language, string ClientAddress) : IRequest<Unit>;

public sealed class ResendConfirmationValidator : AbstractValidator<ResendConfirmation>
{
    public ResendConfirmationValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(256);
}

public sealed class ResendConfirmationHandler(UserManager<WorkflowUser> users, AccountLimits limits, IAccountMailer mailer)
    : IRequestHandler<ResendConfirmation, Unit>
{
    public async Task<Unit> Handle(ResendConfirmation request, CancellationToken ct)
    {
        AccountCodes.ThrowIfRefused(await limits.RequestMailAsync(request.Email, request.ClientAddress, ct), "e-mail requests");
        if (await users.FindByEmailAsync(request.Email.Trim()) is { EmailConfirmed: false, Email: { } email } user)
        {
            var code = AccountCodes.ForLink(await users.GenerateEmailConfirmationTokenAsync(user));
            await mailer.SendAsync(new AccountMail(AccountMailKind.ConfirmAddress, email, AccountCodes.Language(request.Language),
                AddressConfirmationLinks.Confirm(user.Id, code)), ct);
        }
        return Unit.Value;
    }
}
