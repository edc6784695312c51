using FluentValidation;
using MediatR;
using Workflow.Core.Accounts;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>An owner asks someone, by e-mail, to draft with a role; the link is e-mailed and never shown here.</summary>
public sealed record InviteCollaborator(string UserId, Guid StatementId, string Email, StatementRole? Role)
    : IRequest<CollaboratorInvitationView>;

public sealed class InviteCollaboratorValidator : AbstractValidator<InviteCollaborator>
{
    public InviteCollaboratorValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(CollaboratorInvitation.EmailMaxLength).EmailAddress().IsPlainEmailAddress();
        RuleFor(r => r.Role).NotNull().IsInEnum();
    }
}

public sealed class InviteCollaboratorHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<InviteCollaborator, CollaboratorInvitationView>
{
    public async Task<CollaboratorInvitationView> Handle(InviteCollaborator request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);
        var link = db.LinksToMail.New(linkTokens);
        var invitation = statement.InviteCollaborator(request.Email, request.Role!.Value, link.Hash, request.UserId, now);
        db.CollaboratorInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new CollaboratorInvitationView(invitation.Id, invitation.Email, invitation.Role.ToString(), invitation.StatusAt(now),
            invitation.CreatedAt, invitation.ExpiresAt);
    }
}
