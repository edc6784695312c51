using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;

namespace Workflow.Core.Collaboration;

internal static class CollaborationLookup
{
    public static Task<Accounts.WorkflowUser?> AccountOfAsync(this WorkflowDb db, string userId, CancellationToken ct) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);

    public static async Task<CollaboratorInvitation> FindCollaborationAsync(this WorkflowDb db, string token, CancellationToken ct)
    {
        if (!InvitationToken.IsWellFormed(token)) throw new NotFoundException("invitation");
        var hash = InvitationToken.Hash(token);
        var invitation = await db.CollaboratorInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is null || invitation.RevokedAt is not null ? throw new NotFoundException("invitation") : invitation;
    }
}
