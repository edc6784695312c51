using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

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
