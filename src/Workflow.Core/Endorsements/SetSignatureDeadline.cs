using FluentValidation;
using MediatR;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>Sets or removes the deadline for signatures through invitations.</summary>
public sealed record SetSignatureDeadline(string UserId, Guid StatementId, DateTimeOffset? Deadline) : IRequest<StatementDetails>;

public sealed class SetSignatureDeadlineHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<SetSignatureDeadline, StatementDetails>
{
    public Task<StatementDetails> Handle(SetSignatureDeadline request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId,
            s => s.SetSignatureDeadline(request.Deadline is { } d ? StoredTime.Of(d) : null, request.UserId, clock.GetUtcNow()), ct);
}

public sealed class SetSignatureDeadlineValidator : AbstractValidator<SetSignatureDeadline>
{
    public SetSignatureDeadlineValidator() => RuleFor(r => r.Deadline).LessThan(new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
