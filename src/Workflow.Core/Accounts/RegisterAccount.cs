using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

/// <summary>
/// Makes an account and e-mails it a link to confirm its address. An address that already has an account is answered
/// exactly the same; its owner gets an e-mail saying so instead (sign in, or reset the password), and nobody learns
/// from the answer whether the address was taken.
/// </summary>
public sealed record RegisterAccount(string Email, string Password, string? Language, string ClientAddress) : IRequest<Unit>;

public sealed class RegisterAccountValidator : AbstractValidator<RegisterAccount>
{
    public RegisterAccountValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(r => r.Password).IsPassword();
    }
}

public sealed class RegisterAccountHandler(UserManager<WorkflowUser> users, AccountLimits limits, IAccountMailer mailer, Data.WorkflowDb db,
    TimeProvider clock)
    : IRequestHandler<RegisterAccount, Unit>
{
    private static readonly string[] Taken = ["DuplicateUserName", "DuplicateEmail"];

    public async Task<Unit> Handle(RegisterAccount request, CancellationToken ct)
    {
        AccountCodes.ThrowIfRefused(await limits.RegisterAsync(request.ClientAddress, ct), "registrations");
        var email = request.Email.Trim();
        var language = AccountCodes.Language(request.Language);
        var user = new WorkflowUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user, request.Password);
        var errors = created.Errors.Where(e => !Taken.Contains(e.Code)).ToList();
        // The password's rules are checked for a taken address too, so that a weak password is refused either way.
        if (errors.Count > 0) throw AccountCodes.Invalid(IdentityResult.Failed([.. errors]));
        if (created.Succeeded)
        {
            // The language it registered in is the one its notifications are written in, until the person chooses another.
            db.NotificationSettings.Add(Notifications.NotificationSettings.ForNewAccount(user.Id, language, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }

        // A recipient who has had enough account e-mails for now gets none; the answer does not change.
        if (!(await limits.MailToAsync(email, ct)).Allowed) return Unit.Value;
        if (created.Succeeded)
        {
            await mailer.SendConfirmationLinkAsync(users, user, email, language, ct);
        }
        else
        {
            var owner = await users.FindByEmailAsync(email);
            if (owner?.Email is { } ownerEmail)
                await mailer.SendAsync(new AccountMail(AccountMailKind.AlreadyRegistered, ownerEmail, language,
                    "/account/forgot-password"), ct);
        }
        return Unit.Value;
    }
}
