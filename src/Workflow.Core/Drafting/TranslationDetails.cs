using Workflow.Core.Common;

namespace Workflow.Core.Drafting;

public sealed record TranslationDetails(string Language, int Number, string Title, string Body, string BodyHtml, string TextHash,
    int TranslatesVersion,
    bool Stale, string AuthorId, DateTimeOffset CreatedAt, string? ChangeNote)
{
    public static TranslationDetails From(TranslationVersion v, int latestPrimary) => new(v.Language, v.Number, v.Title, v.Body,
        MarkdownRenderer.ToSafeHtml(v.Body), v.TextHash, v.TranslatesVersion, v.TranslatesVersion != latestPrimary, v.AuthorId, v.CreatedAt,
        v.ChangeNote);
}
