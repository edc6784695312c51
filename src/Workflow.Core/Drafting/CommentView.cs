namespace Workflow.Core.Drafting;

public sealed record CommentView(Guid Id, int VersionNumber, int Paragraph, Guid? ParentId, string AuthorId, string Body,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy)
{
    public static CommentView From(Comment c) => new(c.Id, c.VersionNumber, c.Paragraph, c.ParentId, c.AuthorId, c.Body, c.CreatedAt,
        c.ResolvedAt, c.ResolvedBy);
}
