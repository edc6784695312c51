using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Review;

public sealed record CommentView(Guid Id, int VersionNumber, int Paragraph, Guid? ParentId, string AuthorId, string Body,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy)
{
    public static CommentView From(Comment c) => new(c.Id, c.VersionNumber, c.Paragraph, c.ParentId, c.AuthorId, c.Body, c.CreatedAt, c.ResolvedAt, c.ResolvedBy);
}

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

/// <param name="ParentId">The thread replied to; then the version and paragraph are the thread's.</param>
public sealed record AddComment(string UserId, Guid StatementId, int? VersionNumber, int? Paragraph, Guid? ParentId, string Body) : IRequest<CommentView>;

public sealed class AddCommentValidator : AbstractValidator<AddComment>
{
    public AddCommentValidator()
    {
        RuleFor(r => r.Body).NotEmpty().MaximumLength(Comment.BodyMaxLength);
        RuleFor(r => r.VersionNumber).NotNull().GreaterThan(0).When(r => r.ParentId is null);
        RuleFor(r => r.Paragraph).NotNull().GreaterThan(0).When(r => r.ParentId is null);
    }
}

public sealed class AddCommentHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<AddComment, CommentView>
{
    public async Task<CommentView> Handle(AddComment request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Commenter);
        Comment? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Comments.SingleOrDefaultAsync(c => c.Id == parentId && c.StatementId == statement.Id, ct)
                ?? throw new DomainRuleException("parentId", "This statement has no such comment.");
        }
        else
        {
            var version = await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.StatementId == statement.Id && v.Number == request.VersionNumber, ct)
                ?? throw new DomainRuleException("versionNumber", $"The statement has no version {request.VersionNumber}.");
            var count = Paragraphs.Of(version.Body).Count;
            if (request.Paragraph > count)
                throw new DomainRuleException("paragraph", $"Version {version.Number} has paragraphs 1 to {count}.");
        }
        var comment = Comment.Write(statement.Id, request.VersionNumber ?? 0, request.Paragraph ?? 0, parent, request.Body, request.UserId, clock.GetUtcNow());
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        return CommentView.From(comment);
    }
}

/// <summary>The author of a thread, or an owner or editor, marks it resolved.</summary>
public sealed record ResolveComment(string UserId, Guid StatementId, Guid CommentId) : IRequest<CommentView>;

public sealed class ResolveCommentHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ResolveComment, CommentView>
{
    public async Task<CommentView> Handle(ResolveComment request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Commenter);
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == request.CommentId && c.StatementId == statement.Id, ct)
            ?? throw new NotFoundException("comment");
        if (comment.AuthorId != request.UserId) statement.EnsureRole(request.UserId, StatementRole.Editor);
        comment.Resolve(request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return CommentView.From(comment);
    }
}
