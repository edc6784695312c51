using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

public sealed record RevokeCollaboratorInvitation(string UserId, Guid StatementId, Guid InvitationId) : IRequest<Unit>;

public sealed class RevokeCollaboratorInvitationHandler(WorkflowDb db, TimeProvider clock)
    : IRequestHandler<RevokeCollaboratorInvitation, Unit>
{
    public async Task<Unit> Handle(RevokeCollaboratorInvitation request, CancellationToken ct)
    {
        await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        var invitation = await db.CollaboratorInvitations.SingleOrDefaultAsync(i => i.Id == request.InvitationId
            && i.StatementId == request.StatementId, ct)
            ?? throw new NotFoundException("invitation");
        invitation.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
