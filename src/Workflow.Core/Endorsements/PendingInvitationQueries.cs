using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

internal static class PendingInvitationQueries
{
    public static Task<List<Invitation>> PendingInvitationsAsync(this WorkflowDb db, Guid statementId, CancellationToken ct,
        bool tracked = false)
    {
        var query = db.Invitations.Where(r => r.StatementId == statementId && r.State == InvitationState.Pending);
        return (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }
}
