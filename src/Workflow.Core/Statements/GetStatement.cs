using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

public sealed record GetStatement(string UserId, Guid StatementId) : IRequest<StatementDetails>;

public sealed class GetStatementHandler(WorkflowDb db) : IRequestHandler<GetStatement, StatementDetails>
{
    public async Task<StatementDetails> Handle(GetStatement request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        return await db.DetailsAsync(statement, ct) with { YourRole = statement.RoleOf(request.UserId)?.ToString() };
    }
}

/// <summary>The statements the caller drafts, most recently changed first.</summary>
public sealed record ListMyStatements(string UserId) : IRequest<IReadOnlyList<StatementSummary>>;

public sealed class ListMyStatementsHandler(WorkflowDb db) : IRequestHandler<ListMyStatements, IReadOnlyList<StatementSummary>>
{
    public async Task<IReadOnlyList<StatementSummary>> Handle(ListMyStatements request, CancellationToken ct) =>
        await db.Statements.AsNoTracking()
            .Where(s => s.Members.Any(m => m.UserId == request.UserId))
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new StatementSummary(s.Id, s.Slug, s.Title, s.State.ToString(), s.LatestVersionNumber, s.SignatureCount, s.UpdatedAt))
            .ToListAsync(ct);
}
