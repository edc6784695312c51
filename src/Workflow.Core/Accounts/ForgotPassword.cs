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
