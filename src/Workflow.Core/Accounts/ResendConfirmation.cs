using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

/// <summary>Sends the confirmation link again, to an account that has not confirmed its address; the answer is the same for any
/// address.</summary>
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
            await mailer.SendConfirmationLinkAsync(users, user, email, AccountCodes.Language(request.Language), ct);
        return Unit.Value;
    }
}
