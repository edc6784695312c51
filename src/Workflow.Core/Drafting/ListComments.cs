using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>A statement's comments, oldest first; replies carry their thread's id.</summary>
public sealed record ListComments(string UserId, Guid StatementId, int? Version) : IRequest<IReadOnlyList<CommentView>>;

public sealed class ListCommentsHandler(WorkflowDb db) : IRequestHandler<ListComments, IReadOnlyList<CommentView>>
{
    public async Task<IReadOnlyList<CommentView>> Handle(ListComments request, CancellationToken ct)
    {
        await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.StatementId == request.StatementId && (request.Version == null || c.VersionNumber == request.Version))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        return comments.Select(CommentView.From).ToList();
    }
}
