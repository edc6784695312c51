using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

public sealed record DeclineInvitation(string Token, string? Reason) : IRequest<InvitationDeclined>;

public sealed record InvitationDeclined(string State, string? Reason, DateTimeOffset? DeclinedAt);

public sealed class DeclineInvitationValidator : AbstractValidator<DeclineInvitation>
{
    public DeclineInvitationValidator() => RuleFor(r => r.Reason).MaximumLength(Invitation.ReasonMaxLength);
}

public sealed class DeclineInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<DeclineInvitation, InvitationDeclined>
{
    public async Task<InvitationDeclined> Handle(DeclineInvitation request, CancellationToken ct)
    {
        var invitation = await db.FindLiveByTokenAsync(request.Token, ct);
        var deadline = await db.Statements.Where(s => s.Id == invitation.StatementId).Select(s => s.SignatureDeadline).SingleAsync(ct);
        invitation.Decline(request.Reason, deadline, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new InvitationDeclined(invitation.State.ToString(), invitation.DeclineReason, invitation.AnsweredAt);
    }
}
