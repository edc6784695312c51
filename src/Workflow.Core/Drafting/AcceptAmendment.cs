using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>
/// An owner or editor accepts an amendment: it is applied to the latest version where its paragraph now stands, making a
/// new version credited to the proposer. 409 when the paragraph has changed since (stale).
/// </summary>
public sealed record AcceptAmendment(string UserId, Guid StatementId, Guid AmendmentId) : IRequest<AmendmentView>;

public sealed class AcceptAmendmentHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<AcceptAmendment, AmendmentView>
{
    public async Task<AmendmentView> Handle(AcceptAmendment request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Editor, ct);
        var amendment = await db.Amendments.SingleOrDefaultAsync(a => a.Id == request.AmendmentId && a.StatementId == statement.Id, ct)
            ?? throw new NotFoundException("amendment");
        var latest = await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct);
        var amended = Paragraphs.Join(amendment.ApplyTo(Paragraphs.Of(latest.Body)));
        var note = $"Amendment ({amendment.Kind.ToString().ToLowerInvariant()} paragraph {amendment.Paragraph} of version " +
            $"{amendment.BaseVersionNumber})" +
            (amendment.Rationale is null ? "" : $": {amendment.Rationale}");
        var version = statement.Revise(latest.Title, amended, latest.Number, request.UserId, now,
            note.Length > StatementVersion.ChangeNoteMaxLength ? note[..StatementVersion.ChangeNoteMaxLength] : note,
            creditedTo: amendment.ProposedBy);
        await db.AddVersionAsync(statement, version, linkTokens, now, ct);
        amendment.MarkAccepted(version.Number, request.UserId, now);
        await db.SaveChangesAsync(ct);
        return AmendmentView.From(amendment, Paragraphs.Of(version.Body));
    }
}
