using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

public sealed record RevokeInvitation(string UserId, Guid StatementId, Guid InvitationId) : IRequest<Unit>;

public sealed class RevokeInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RevokeInvitation, Unit>
{
    public async Task<Unit> Handle(RevokeInvitation request, CancellationToken ct)
    {
        await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        var invitation = await db.Invitations
            .SingleOrDefaultAsync(r => r.Id == request.InvitationId && r.StatementId == request.StatementId, ct)
            ?? throw new NotFoundException("invitation");
        invitation.Revoke(request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
