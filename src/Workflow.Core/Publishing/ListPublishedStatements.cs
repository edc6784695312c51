using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Publishing;

/// <param name="PublishedAt">The date the statement was published; null when it is not known.</param>
public sealed record PublishedStatementSummary(string Slug, string Title, string Language, string State, DateTimeOffset? PublishedAt,
    int SignatoryCount,
    string Kind, string? IssuedBy, bool ListIsPartial);

/// <summary>Published and closed statements, newest first. Drafts and withdrawn statements are never public.</summary>
public sealed record ListPublishedStatements : IRequest<IReadOnlyList<PublishedStatementSummary>>;

public sealed class ListPublishedStatementsHandler(WorkflowDb db)
    : IRequestHandler<ListPublishedStatements, IReadOnlyList<PublishedStatementSummary>>
{
    public async Task<IReadOnlyList<PublishedStatementSummary>> Handle(ListPublishedStatements request, CancellationToken ct) =>
        await db.Statements.AsNoTracking()
            .Where(s => s.State == StatementState.Published || s.State == StatementState.Closed)
            // Newest first by publication date; those whose date nobody knows after them, in the order they came to Workflow.
            .OrderBy(s => s.PublicationDate == null).ThenByDescending(s => s.PublicationDate).ThenByDescending(s => s.PublishedAt)
            .Select(s => new PublishedStatementSummary(s.Slug, s.Title, s.Language, s.State.ToString(), s.PublicationDate,
                db.Signatures.Count(x => x.StatementId == s.Id && x.Status == SignatureStatus.Active
                && x.ConfirmedVersionNumber == s.SignableVersionNumber),
                s.Kind.ToString(), s.IssuedBy, s.ListIsPartial))
            .ToListAsync(ct);
}
