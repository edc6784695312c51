using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>The author of a thread, or an owner or editor, marks it resolved.</summary>
public sealed record ResolveComment(string UserId, Guid StatementId, Guid CommentId) : IRequest<CommentView>;

public sealed class ResolveCommentHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ResolveComment, CommentView>
{
    public async Task<CommentView> Handle(ResolveComment request, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Commenter, ct);
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == request.CommentId && c.StatementId == statement.Id, ct)
            ?? throw new NotFoundException("comment");
        if (comment.AuthorId != request.UserId) statement.EnsureRole(request.UserId, StatementRole.Editor);
        comment.Resolve(request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return CommentView.From(comment);
    }
}
