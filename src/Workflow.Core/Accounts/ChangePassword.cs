using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

/// <summary>A signed-in person changes the password; every other session is signed out (the security stamp changes).</summary>
public sealed record ChangePassword(string UserId, string OldPassword, string NewPassword) : IRequest<Unit>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(r => r.OldPassword).NotEmpty();
        RuleFor(r => r.NewPassword).IsPassword();
    }
}

public sealed class ChangePasswordHandler(UserManager<WorkflowUser> users) : IRequestHandler<ChangePassword, Unit>
{
    public async Task<Unit> Handle(ChangePassword request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.UserId) ?? throw new Common.NotFoundException("account");
        var changed = await users.ChangePasswordAsync(user, request.OldPassword, request.NewPassword);
        if (!changed.Succeeded)
            throw changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? new ValidationException([new FluentValidation.Results.ValidationFailure("OldPassword",
                    "The current password is not right.")])
                : AccountCodes.Invalid(changed, passwordField: "NewPassword");
        return Unit.Value;
    }
}
