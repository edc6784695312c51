using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

public sealed record ListVersions(string UserId, Guid StatementId) : IRequest<IReadOnlyList<VersionSummary>>;

public sealed class ListVersionsHandler(WorkflowDb db) : IRequestHandler<ListVersions, IReadOnlyList<VersionSummary>>
{
    public async Task<IReadOnlyList<VersionSummary>> Handle(ListVersions request, CancellationToken ct)
    {
        await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        return await db.StatementVersions.AsNoTracking()
            .Where(v => v.StatementId == request.StatementId)
            .OrderBy(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Title, v.TextHash, v.AuthorId, v.CreatedAt, v.ChangeNote, v.RestoredFrom,
                v.CreditedTo))
            .ToListAsync(ct);
    }
}
