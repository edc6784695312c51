using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

internal static class SignOnModeration
{
    public static async Task<SignOnEntry> LoadSignOnAsync(this WorkflowDb db, Guid statementId, Guid signOnId, CancellationToken ct) =>
        await db.SignOnEntries.SingleOrDefaultAsync(e => e.Id == signOnId && e.StatementId == statementId, ct)
            ?? throw new NotFoundException("sign-on");
}
