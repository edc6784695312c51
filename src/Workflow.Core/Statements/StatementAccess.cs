using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

public static class StatementAccess
{
    /// <summary>
    /// Loads a statement for a member with at least the given role: 404 when it does not exist, 403 when the caller's role
    /// on it is not enough.
    /// </summary>
    public static async Task<Statement> LoadForRoleAsync(this WorkflowDb db, Guid statementId, string userId, StatementRole minimum,
        CancellationToken ct)
    {
        var statement = await db.Statements.Include(s => s.Members).SingleOrDefaultAsync(s => s.Id == statementId, ct)
            ?? throw new NotFoundException("statement");
        statement.EnsureRole(userId, minimum);
        return statement;
    }

    /// <summary>Loads a statement for any of its members to read.</summary>
    public static Task<Statement> LoadForReadingAsync(this WorkflowDb db, Guid statementId, string userId, CancellationToken ct) =>
        db.LoadForRoleAsync(statementId, userId, StatementRole.Viewer, ct);

    /// <summary>Loads a statement for a member who sees its personal data (<see cref="PersonalData"/>): 403 for the others.</summary>
    public static async Task<Statement> LoadForPersonalDataAsync(this WorkflowDb db, Guid statementId, string userId, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(statementId, userId, ct);
        statement.EnsurePersonalDataVisibleTo(userId);
        return statement;
    }

    public static Task<StatementVersion> LoadVersionAsync(this WorkflowDb db, Guid statementId, int number, CancellationToken ct) =>
        db.StatementVersions.SingleAsync(v => v.StatementId == statementId && v.Number == number, ct);

    /// <summary>The shape of most lifecycle commands: load as a drafter, ask the statement to change, save.</summary>
    public static async Task<StatementDetails> ChangeStatementAsync(this WorkflowDb db, Guid statementId, string userId,
        Action<Statement> change, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(statementId, userId, StatementRole.Owner, ct);
        change(statement);
        await db.SaveChangesAsync(ct);
        return await db.DetailsAsync(statement, ct);
    }

    public static async Task<StatementDetails> DetailsAsync(this WorkflowDb db, Statement statement, CancellationToken ct) =>
        StatementDetails.From(statement, await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct));
}
