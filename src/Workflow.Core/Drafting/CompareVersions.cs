using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>Word-level differences between two versions.</summary>
public sealed record CompareVersions(string UserId, Guid StatementId, int From, int To) : IRequest<TextDiffView>;

public sealed class CompareVersionsHandler(WorkflowDb db) : IRequestHandler<CompareVersions, TextDiffView>
{
    public async Task<TextDiffView> Handle(CompareVersions request, CancellationToken ct)
    {
        await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var versions = await db.StatementVersions.AsNoTracking()
            .Where(v => v.StatementId == request.StatementId && (v.Number == request.From || v.Number == request.To)).ToListAsync(ct);
        var from = versions.SingleOrDefault(v => v.Number == request.From) ?? throw new NotFoundException("version");
        var to = versions.SingleOrDefault(v => v.Number == request.To) ?? throw new NotFoundException("version");
        return TextDiff.Between(from, to);
    }
}
