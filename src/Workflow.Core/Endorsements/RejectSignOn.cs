using FluentValidation;
using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

public sealed record RejectSignOn(string UserId, Guid StatementId, Guid SignOnId, string? Reason) : IRequest<SignOnSummary>;

public sealed class RejectSignOnValidator : AbstractValidator<RejectSignOn>
{
    public RejectSignOnValidator() => RuleFor(r => r.Reason).MaximumLength(SignOnEntry.ReasonMaxLength);
}

public sealed class RejectSignOnHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RejectSignOn, SignOnSummary>
{
    public async Task<SignOnSummary> Handle(RejectSignOn request, CancellationToken ct)
    {
        await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        var entry = await db.LoadSignOnAsync(request.StatementId, request.SignOnId, ct);
        var now = clock.GetUtcNow();
        entry.Reject(request.Reason, request.UserId, now);
        await db.SaveChangesAsync(ct);
        return await db.SummaryOfAsync(entry, now, ct);
    }
}
