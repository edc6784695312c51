using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

internal static class SignOnAccess
{
    /// <summary>The statement behind a public form; 404 alike for an unknown slug and a statement that takes no sign-ons, so drafts stay
    /// hidden.</summary>
    public static async Task<Statement> LoadTakingSignOnsAsync(this WorkflowDb db, string slug, CancellationToken ct)
    {
        var statement = await db.Statements.SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (statement is null || !statement.TakesOpenSignOns) throw new NotFoundException("statement open to sign-on");
        return statement;
    }
}
