using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Publishing;

internal static class PublishedLookup
{
    /// <summary>A public statement by slug; anything else (a draft, a withdrawn statement, junk) is the same 404.</summary>
    public static async Task<Statement> FindPublishedAsync(this WorkflowDb db, string slug, CancellationToken ct)
    {
        if (!Slug.IsWellFormed(slug)) throw new NotFoundException("statement");
        var statement = await db.Statements.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug, ct);
        if (statement is not { IsPublic: true }) throw new NotFoundException("statement");
        return statement;
    }
}
