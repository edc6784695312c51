using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

/// <summary>
/// A signed-in person asks to change the e-mail address: a link goes to the NEW address, and the change takes effect
/// only when it is followed. An address that belongs to another account is answered the same and gets nothing.
/// </summary>
public sealed record ChangeEmail(string UserId, string NewEmail, string? Language) : IRequest<Unit>;

public sealed class ChangeEmailValidator : AbstractValidator<ChangeEmail>
{
    public ChangeEmailValidator() => RuleFor(r => r.NewEmail).NotEmpty().MaximumLength(256).EmailAddress();
}

public sealed class ChangeEmailHandler(UserManager<WorkflowUser> users, AccountLimits limits, IAccountMailer mailer)
    : IRequestHandler<ChangeEmail, Unit>
{
    public async Task<Unit> Handle(ChangeEmail request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.UserId) ?? throw new Common.NotFoundException("account");
        var newEmail = request.NewEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase)) return Unit.Value;
        AccountCodes.ThrowIfRefused(await limits.MailToAsync(newEmail, ct), "e-mails");
        if (await users.FindByEmailAsync(newEmail) is not null) return Unit.Value;
        var code = AccountCodes.ForLink(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        await mailer.SendAsync(new AccountMail(AccountMailKind.ConfirmNewAddress, newEmail, AccountCodes.Language(request.Language),
            AddressConfirmationLinks.Confirm(user.Id, code, newEmail)), ct);
        return Unit.Value;
    }
}
