using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

public sealed record RejectAmendment(string UserId, Guid StatementId, Guid AmendmentId, string? Reason) : IRequest<AmendmentView>;

public sealed class RejectAmendmentValidator : AbstractValidator<RejectAmendment>
{
    public RejectAmendmentValidator() => RuleFor(r => r.Reason).MaximumLength(Amendment.RationaleMaxLength);
}

public sealed class RejectAmendmentHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RejectAmendment, AmendmentView>
{
    public async Task<AmendmentView> Handle(RejectAmendment request, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Editor, ct);
        var amendment = await db.Amendments.SingleOrDefaultAsync(a => a.Id == request.AmendmentId && a.StatementId == statement.Id, ct)
            ?? throw new NotFoundException("amendment");
        amendment.Reject(request.Reason, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var latest = Paragraphs.Of((await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct)).Body);
        return AmendmentView.From(amendment, latest);
    }
}
