using Workflow.Core.Common;

namespace Workflow.Core.Drafting;

/// <summary>A remark on one paragraph of one version, or a reply to one. A thread is resolved as a whole.</summary>
public sealed class Comment : AggregateRoot
{
    public const int BodyMaxLength = 5000;

    private Comment() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public int VersionNumber { get; private set; }
    /// <summary>1 for the first paragraph.</summary>
    public int Paragraph { get; private set; }
    public Guid? ParentId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }

    internal static Comment Write(Guid statementId, int versionNumber, int paragraph, Comment? parent, string body, string authorId,
        DateTimeOffset now)
    {
        if (parent?.ParentId is not null) throw new DomainRuleException("parentId", "Reply to the thread's first comment.");
        var comment = new Comment
        {
            Id = Guid.CreateVersion7(now),
            StatementId = statementId,
            VersionNumber = parent?.VersionNumber ?? versionNumber,
            Paragraph = parent?.Paragraph ?? paragraph,
            ParentId = parent?.Id,
            AuthorId = authorId,
            Body = body.Trim(),
            CreatedAt = now,
        };
        comment.Raise(new DraftingEvents.CommentAdded(statementId, comment.Id, comment.VersionNumber, comment.Paragraph,
            comment.ParentId, authorId, now));
        return comment;
    }

    public void Resolve(string userId, DateTimeOffset now)
    {
        if (ParentId is not null) throw new DomainRuleException("commentId", "Resolve the thread's first comment.");
        if (ResolvedAt is not null) return;
        ResolvedAt = now;
        ResolvedBy = userId;
        Raise(new DraftingEvents.CommentResolved(StatementId, Id, userId, now));
    }
}
