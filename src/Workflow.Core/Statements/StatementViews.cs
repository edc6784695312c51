using Workflow.Core.Common;

namespace Workflow.Core.Statements;

/// <summary>A statement as its drafters see it.</summary>
/// <param name="PublishedAt">When it was published in Workflow.</param>
/// <param name="PublicationDate">The date it was published, which its list is "as of"; null when not known.</param>
public sealed record StatementDetails(
    Guid Id, string Slug, string Title, string Language, string State, bool AllowsFurtherSignatories,
    VersionDetails LatestVersion, int? SignableVersionNumber, int SignatureCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? OpenedAt, DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt, DateTimeOffset? WithdrawnAt, bool AcceptsOpenSignOn,
    DateTimeOffset? PublicationDate, PublicationDetails PublicationDetails)
{
    /// <summary>The caller's role on the statement (Viewer, Commenter, Editor or Owner), where it was read for a member.</summary>
    public string? YourRole { get; init; }

    public static StatementDetails From(Statement s, StatementVersion latest) => new(
        s.Id, s.Slug, s.Title, s.Language, s.State.ToString(), s.AllowsFurtherSignatories,
        VersionDetails.From(latest), s.SignableVersionNumber, s.SignatureCount,
        s.CreatedAt, s.UpdatedAt, s.OpenedAt, s.PublishedAt, s.ClosedAt, s.WithdrawnAt, s.AcceptsOpenSignOn,
        s.PublicationDate, s.PublicationDetails);
}

/// <summary>One version's text. <c>BodyHtml</c> is the Markdown rendered and sanitised, safe to insert in a page.</summary>
public sealed record VersionDetails(int Number, string Title, string Body, string BodyHtml, string TextHash, string AuthorId,
    DateTimeOffset CreatedAt,
    string? ChangeNote = null, int? RestoredFrom = null, string? CreditedTo = null)
{
    public static VersionDetails From(StatementVersion v) =>
        new(v.Number, v.Title, v.Body, MarkdownRenderer.ToSafeHtml(v.Body), v.TextHash, v.AuthorId, v.CreatedAt, v.ChangeNote,
            v.RestoredFrom, v.CreditedTo);
}

public sealed record VersionSummary(int Number, string Title, string TextHash, string AuthorId, DateTimeOffset CreatedAt,
    string? ChangeNote, int? RestoredFrom, string? CreditedTo);

public sealed record StatementSummary(Guid Id, string Slug, string Title, string State, int LatestVersionNumber, int SignatureCount,
    DateTimeOffset UpdatedAt);
