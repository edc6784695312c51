using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

public static class StatementAccess
{
    /// <summary>Loads a statement for a change by one of its drafters: 404 when it does not exist, 403 when the caller is not a drafter.</summary>
    public static async Task<Statement> LoadForDraftingAsync(this WorkflowDb db, Guid statementId, string userId, CancellationToken ct)
    {
        var statement = await db.Statements.Include(s => s.Members).SingleOrDefaultAsync(s => s.Id == statementId, ct)
            ?? throw new NotFoundException("statement");
        statement.EnsureDrafter(userId);
        return statement;
    }

    public static Task<StatementVersion> LoadVersionAsync(this WorkflowDb db, Guid statementId, int number, CancellationToken ct) =>
        db.StatementVersions.SingleAsync(v => v.StatementId == statementId && v.Number == number, ct);

    public static async Task<StatementDetails> DetailsAsync(this WorkflowDb db, Statement statement, CancellationToken ct) =>
        StatementDetails.From(statement, await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct));
}
