using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

internal static class PendingInvitationQueries
{
    public static Task<List<EndorsementRequest>> PendingInvitationsAsync(this WorkflowDb db, Guid statementId, CancellationToken ct,
        bool tracked = false)
    {
        var query = db.EndorsementRequests.Where(r => r.StatementId == statementId && r.State == EndorsementRequestState.Pending);
        return (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }
}
