using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Accounts;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>A new link for a pending invitation (lost e-mail, wrong address); the old link stops working.</summary>
/// <param name="HandOverLink">The drafter receives the new link to hand it over (see <see cref="InviteOrganisation"/>).</param>
public sealed record ResendInvitation(string UserId, Guid StatementId, Guid InvitationId, bool HandOverLink = false)
    : IRequest<InvitationCreated>;

public sealed class ResendInvitationHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<ResendInvitation, InvitationCreated>
{
    public async Task<InvitationCreated> Handle(ResendInvitation request, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);
        statement.EnsureAcceptsInvitations();
        statement.EnsureSendsInvitations();
        var invitation = await db.Invitations.SingleOrDefaultAsync(r => r.Id == request.InvitationId
            && r.StatementId == statement.Id, ct)
            ?? throw new NotFoundException("invitation");
        var organisation = await db.Organisations.SingleAsync(o => o.Id == invitation.OrganisationId, ct);
        var link = db.LinksToMail.New(linkTokens);
        invitation.Resend(link.Hash, request.HandOverLink, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new InvitationCreated(invitation.Id, OrganisationView.AsInvited(organisation, invitation), invitation.Email,
            request.HandOverLink ? link.Value : null);
    }
}
