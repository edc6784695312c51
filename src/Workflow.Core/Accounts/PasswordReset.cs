using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

/// <summary>
/// Asks for a link to choose a new password. The answer is the same whether or not the address has an account; only an
/// existing account is sent the link, to its own address.
/// </summary>
public sealed record ForgotPassword(string Email, string? Language, string ClientAddress) : IRequest<Unit>;

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(256);
}

public sealed class ForgotPasswordHandler(UserManager<WorkflowUser> users, AccountLimits limits, IAccountMailer mailer)
    : IRequestHandler<ForgotPassword, Unit>
{
    public const string PagePath = "/account/reset-password";

    public async Task<Unit> Handle(ForgotPassword request, CancellationToken ct)
    {
        AccountCodes.ThrowIfRefused(await limits.RequestMailAsync(request.Email, request.ClientAddress, ct), "password reset requests");
        if (await users.FindByEmailAsync(request.Email.Trim()) is { Email: { } email } user)
        {
            var code = AccountCodes.ForLink(await users.GeneratePasswordResetTokenAsync(user));
            await mailer.SendAsync(new AccountMail(AccountMailKind.ResetPassword, email, AccountCodes.Language(request.Language),
                $"{PagePath}?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}"), ct);
        }
        return Unit.Value;
    }
}

/// <summary>
/// Sets a new password with the code from the e-mailed link. The account's security stamp changes, which signs out every
/// other session (cookies and bearer tokens). The link reached the address, so the address counts as confirmed too.
/// An unknown address is answered as a wrong code.
/// </summary>
public sealed record ResetPassword(string Email, string ResetCode, string NewPassword) : IRequest<Unit>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256);
        RuleFor(r => r.ResetCode).NotEmpty();
        RuleFor(r => r.NewPassword).NotEmpty().MaximumLength(512);
    }
}

public sealed class ResetPasswordHandler(UserManager<WorkflowUser> users) : IRequestHandler<ResetPassword, Unit>
{
    public async Task<Unit> Handle(ResetPassword request, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(request.Email.Trim()) is not { } user || AccountCodes.FromLink(request.ResetCode) is not { } code)
            throw AccountCodes.InvalidLink("ResetCode");
        var reset = await users.ResetPasswordAsync(user, code, request.NewPassword);
        if (!reset.Succeeded)
        {
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) throw AccountCodes.InvalidLink("ResetCode");
            throw AccountCodes.Invalid(reset, passwordField: "NewPassword");
        }
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        return Unit.Value;
    }
}
