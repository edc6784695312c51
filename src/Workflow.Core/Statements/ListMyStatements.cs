using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <summary>The statements the caller drafts, most recently changed first.</summary>
public sealed record ListMyStatements(string UserId) : IRequest<IReadOnlyList<StatementSummary>>;

public sealed class ListMyStatementsHandler(WorkflowDb db) : IRequestHandler<ListMyStatements, IReadOnlyList<StatementSummary>>
{
    public async Task<IReadOnlyList<StatementSummary>> Handle(ListMyStatements request, CancellationToken ct) =>
        await db.Statements.AsNoTracking()
            .Where(s => s.Members.Any(m => m.UserId == request.UserId))
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new StatementSummary(s.Id, s.Slug, s.Title, s.State.ToString(), s.LatestVersionNumber, s.SignatureCount,
                s.UpdatedAt))
            .ToListAsync(ct);
}
