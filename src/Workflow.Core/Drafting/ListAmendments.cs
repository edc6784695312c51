using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

public sealed record ListAmendments(string UserId, Guid StatementId) : IRequest<IReadOnlyList<AmendmentView>>;

public sealed class ListAmendmentsHandler(WorkflowDb db) : IRequestHandler<ListAmendments, IReadOnlyList<AmendmentView>>
{
    public async Task<IReadOnlyList<AmendmentView>> Handle(ListAmendments request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var latest = Paragraphs.Of((await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct)).Body);
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.StatementId == statement.Id).OrderBy(a => a.ProposedAt)
            .ToListAsync(ct);
        return amendments.Select(a => AmendmentView.From(a, latest)).ToList();
    }
}
