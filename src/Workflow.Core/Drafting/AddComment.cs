using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <param name="ParentId">The thread replied to; then the version and paragraph are the thread's.</param>
public sealed record AddComment(string UserId, Guid StatementId, int? VersionNumber, int? Paragraph, Guid? ParentId, string Body)
    : IRequest<CommentView>;

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
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Commenter, ct);
        Comment? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Comments.SingleOrDefaultAsync(c => c.Id == parentId && c.StatementId == statement.Id, ct)
                ?? throw new DomainRuleException("parentId", "This statement has no such comment.");
        }
        else
        {
            var version = await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.StatementId == statement.Id
                && v.Number == request.VersionNumber, ct)
                ?? throw new DomainRuleException("versionNumber", $"The statement has no version {request.VersionNumber}.");
            var count = Paragraphs.Of(version.Body).Count;
            if (request.Paragraph > count)
                throw new DomainRuleException("paragraph", $"Version {version.Number} has paragraphs 1 to {count}.");
        }
        var comment = Comment.Write(statement.Id, request.VersionNumber ?? 0, request.Paragraph ?? 0, parent, request.Body, request.UserId,
            clock.GetUtcNow());
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        return CommentView.From(comment);
    }
}
