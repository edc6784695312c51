using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Publishing;

/// <param name="PublishedAt">The date the statement was published; null when it is not known (never the day it reached Workflow).</param>
/// <param name="Kind">Joint (agreed and signed by several organisations), Single (one organisation's statement) or Article (by its writers,
/// signed by nobody).</param>
/// <param name="IssuedBy">Who issued or wrote it, as its source names them.</param>
/// <param name="ListIsPartial">The list names only some of those who agreed the text; <paramref name="ListNote"/> says what is
/// known.</param>
public sealed record PublishedStatement(
    string Slug, string Title, string Language, string State, bool AcceptsFurtherSignatories,
    DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, int VersionNumber, string TextHash,
    string Body, string BodyHtml, int SignatoryCount, IReadOnlyList<string> InitiatedBy, IReadOnlyList<PublishedTranslation> Translations,
    bool OpenSignOn, string Kind, string? IssuedBy, bool ListIsPartial, string? ListNote, StatementSource? Source);

/// <summary>A translation offered beside the signed text (the one signatories could read when they signed).</summary>
public sealed record PublishedTranslation(string Language, int Number, string Title, string Body, string BodyHtml, string TextHash);

public sealed record GetPublishedStatement(string Slug) : IRequest<PublishedStatement>;

public sealed class GetPublishedStatementHandler(WorkflowDb db) : IRequestHandler<GetPublishedStatement, PublishedStatement>
{
    public async Task<PublishedStatement> Handle(GetPublishedStatement request, CancellationToken ct)
    {
        var statement = await db.FindPublishedAsync(request.Slug, ct);
        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
        var count = await db.Signatures.CountAsync(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active
            && s.ConfirmedVersionNumber == statement.SignableVersionNumber, ct);
        var initiators = await db.InitiatorsOfAsync(statement, ct);
        return new PublishedStatement(statement.Slug, version.Title, statement.Language, statement.State.ToString(),
            statement.State == StatementState.Published && statement.AllowsFurtherSignatories,
            statement.PublicationDate, statement.ClosedAt, version.Number, version.TextHash,
            version.Body, MarkdownRenderer.ToSafeHtml(version.Body), count, initiators.Select(o => o.Name).ToList(),
            (await db.SignableTranslationsAsync(statement, ct))
                .Select(t => new PublishedTranslation(t.Language, t.Number, t.Title, t.Body, MarkdownRenderer.ToSafeHtml(t.Body),
                    t.TextHash)).ToList(),
            statement.TakesOpenSignOns, statement.Kind.ToString(), statement.IssuedBy, statement.ListIsPartial, statement.ListNote,
            statement.Source);
    }
}
