using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

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
        RuleFor(r => r.NewPassword).IsPassword();
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
